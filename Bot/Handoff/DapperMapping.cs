using System.Data;
using System.Globalization;
using Dapper;

namespace IqosBot.Handoff;

/// <summary>
/// Dapper's mapping for the handoff tables: snake_case columns onto PascalCase properties, and times read back
/// as DateTimeOffset. Dapper's type handlers are global to the process, so the one handler reads both providers'
/// times: SQLite's text and PostgreSQL's timestamptz (a UTC DateTime from Npgsql).
/// Dapper uses a handler for a type it knows itself (DateTimeOffset) only when reading: parameters go to the
/// provider as they are. Microsoft.Data.Sqlite writes them as "yyyy-MM-dd HH:mm:ss.FFFFFFFzzz" text, so a
/// SQLite comparison with a stored time passes a DateTimeOffset too, never <see cref="Text"/>; Npgsql writes
/// timestamptz only from offset 0, so the PostgreSQL stores pass UTC.
/// </summary>
internal static class DapperMapping
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

    /// <summary>Round-trip ISO 8601 in UTC, as the transcript lines store their time: text order is time order.</summary>
    public static string Text(DateTimeOffset value) => value.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private sealed class DateTimeOffsetHandler : SqlMapper.TypeHandler<DateTimeOffset>
    {
        public override void SetValue(IDbDataParameter parameter, DateTimeOffset value) => parameter.Value = Text(value);

        public override DateTimeOffset Parse(object value) => value switch
        {
            string text => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
            DateTime utc => new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)),
            DateTimeOffset offset => offset,
            _ => throw new InvalidCastException($"A time cannot be read from a {value.GetType().Name}."),
        };
    }
}
