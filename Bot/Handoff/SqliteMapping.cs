using System.Data;
using System.Globalization;
using Dapper;

namespace IqosBot.Handoff;

/// <summary>
/// Dapper's mapping for the handoff tables: snake_case columns onto PascalCase properties, and times
/// stored as ISO 8601 text (SQLite has no date type) read back as DateTimeOffset.
/// </summary>
internal static class SqliteMapping
{
    private static int _configured;

    public static void EnsureConfigured()
    {
        if (Interlocked.Exchange(ref _configured, 1) == 1)
        {
            return;
        }

        DefaultTypeMap.MatchNamesWithUnderscores = true;
        SqlMapper.AddTypeHandler(new DateTimeOffsetHandler());
    }

    public static string Text(DateTimeOffset value) => value.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private sealed class DateTimeOffsetHandler : SqlMapper.TypeHandler<DateTimeOffset>
    {
        public override void SetValue(IDbDataParameter parameter, DateTimeOffset value) => parameter.Value = Text(value);

        public override DateTimeOffset Parse(object value)
            => DateTimeOffset.Parse((string)value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
    }
}
