using System.Globalization;
using Microsoft.Data.Sqlite;

namespace IqosBot.Storage;

/// <summary>What retention needs of the state table: which rows have not been written for a while.</summary>
public sealed partial class SqliteStorage
{
    /// <summary>
    /// Keys of rows last written before <paramref name="cutoff"/>, in key order after <paramref name="after"/>
    /// (empty to start), at most <paramref name="limit"/>: a sweep pages through them in bounded batches.
    /// </summary>
    public async Task<IReadOnlyList<string>> KeysNotWrittenSinceAsync(DateTimeOffset cutoff, string after, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(after);
        ObjectDisposedException.ThrowIf(_disposed, this);
        await using var connection = await _file.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT key FROM state WHERE updated_at < $cutoff AND key > $after ORDER BY key LIMIT $limit";
        command.Parameters.Add("$cutoff", SqliteType.Text).Value = WrittenAt(cutoff);
        command.Parameters.Add("$after", SqliteType.Text).Value = after;
        command.Parameters.Add("$limit", SqliteType.Integer).Value = limit;
        return await StateChanges.KeysAsync(command, limit, cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> NotWrittenSinceAsync(string key, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await using var connection = await _file.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM state WHERE key = $key AND updated_at < $cutoff";
        command.Parameters.Add("$key", SqliteType.Text).Value = key;
        command.Parameters.Add("$cutoff", SqliteType.Text).Value = WrittenAt(cutoff);
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))! > 0;
    }

    /// <summary>Overwrites freed space and empties the write-ahead log, so deleted values are gone from the files too.</summary>
    public Task ReclaimAsync(CancellationToken cancellationToken) => _file.ReclaimAsync(cancellationToken);

    /// <summary>UTC with milliseconds and a Z, so the text sorts in time order (the format the table has always used).</summary>
    private static string WrittenAt(DateTimeOffset at)
        => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
