using Microsoft.Bot.Builder;
using Microsoft.Data.Sqlite;

namespace IqosBot.Storage;

/// <summary>The conversation state's own read and write (<see cref="StateHandOver"/>).</summary>
public sealed partial class SqliteStorage
{
    // One statement whether or not a value was kept: the JSON comes back only when the row's etag is not the one the
    // kept value was written with ($known is NULL when nothing was kept, and nothing equals NULL).
    private const string SelectUnlessKnownSql = "SELECT etag, CASE WHEN etag = $known THEN NULL ELSE value END FROM state WHERE key = $key";

    public async Task<object?> ReadHandedOverAsync(string key, CancellationToken cancellationToken)
    {
        StateChanges.ThrowIfInvalidKey(key);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var kept = _handOver.TryTake(key, out var keptEtag, out var keptValue);
        return await _file.WithReaderAsync(async session =>
        {
            var command = session.Command(SelectUnlessKnownSql);
            command.Parameters.Add("$key", SqliteType.Text).Value = key;
            command.Parameters.Add("$known", SqliteType.Text).Value = kept ? keptEtag : DBNull.Value;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            return reader.IsDBNull(1) ? StateChanges.HandedOver(keptValue, reader.GetString(0)) : StateChanges.Read(reader.GetString(1), reader.GetString(0));
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task WriteAndHandOverAsync(string key, object value, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var rows = StateChanges.Writes(new Dictionary<string, object>(1) { [key] = value });
        _handOver.Forget([key]);
        await WriteRowsAsync(rows, cancellationToken).ConfigureAwait(false);
        StateChanges.HandOver(_handOver, rows[0], value);
    }
}
