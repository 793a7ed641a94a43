using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace IqosBot.Sandbox.Benefits;

/// <summary>
/// The sandbox stands in for a CRM but is a demo: what customers put into it (accounts, registrations,
/// claims with a delivery address) goes after <see cref="BenefitsSandboxOptions.RetentionDays"/>, stored
/// idempotent replies after a day, and the demo accounts and devices stay. Daily and at start; counts only
/// in the log; freed space zeroed and the write-ahead log emptied.
/// </summary>
internal sealed partial class SandboxRetention(SandboxDatabase database, IOptions<BenefitsSandboxOptions> options, TimeProvider time, ILogger<SandboxRetention> logger)
    : BackgroundService
{
    /// <summary>A retried request comes within minutes; a stored reply older than this is never needed again.</summary>
    private static readonly TimeSpan IdempotencyWindow = TimeSpan.FromDays(1);

    /// <summary>One sweep; returns the rows deleted.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var cutoff = CrmQueries.Timestamp(now.AddDays(-options.Value.RetentionDays));
        var demoSerials = DemoData.Devices(DateOnly.FromDateTime(now.UtcDateTime)).Where(device => device.Registration is not null).Select(device => device.Serial).ToList();
        var deleted = await database.WriteAsync(async connection =>
        {
            var rows = await ExecuteAsync(connection, "DELETE FROM claims WHERE created_at < $cutoff", cutoff, [], cancellationToken).ConfigureAwait(false);
            rows += await ExecuteAsync(connection, $"DELETE FROM registrations WHERE created_at < $cutoff AND serial NOT IN ({Names("$s", demoSerials.Count)})", cutoff, demoSerials, cancellationToken).ConfigureAwait(false);
            rows += await ExecuteAsync(
                connection,
                $"""
                DELETE FROM accounts WHERE created_at < $cutoff AND email NOT IN ({Names("$s", DemoData.ActiveAccounts.Count)})
                  AND id NOT IN (SELECT account_id FROM registrations) AND id NOT IN (SELECT account_id FROM claims)
                """,
                cutoff,
                DemoData.ActiveAccounts,
                cancellationToken).ConfigureAwait(false);
            rows += await ExecuteAsync(connection, "DELETE FROM idempotency_keys WHERE created_at < $cutoff", CrmQueries.Timestamp(now - IdempotencyWindow), [], cancellationToken).ConfigureAwait(false);
            return rows;
        }, cancellationToken).ConfigureAwait(false);

        if (deleted > 0)
        {
            await database.ReclaimAsync(cancellationToken).ConfigureAwait(false);
            LogSwept(deleted);
        }

        return deleted;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromDays(1), time);
        do
        {
            try
            {
                await SweepAsync(stoppingToken).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // Retention retries tomorrow; it must not stop the host.
            catch (Exception exception) when (exception is not OperationCanceledException)
#pragma warning restore CA1031
            {
                LogFailed(exception.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    private static string Names(string prefix, int count) => count == 0 ? "NULL" : string.Join(", ", Enumerable.Range(0, count).Select(i => prefix + i));

    private static async Task<int> ExecuteAsync(SqliteConnection connection, string sql, string cutoff, IReadOnlyList<string> values, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$cutoff", cutoff);
        for (var i = 0; i < values.Count; i++)
        {
            command.Parameters.AddWithValue("$s" + i, values[i]);
        }

        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Benefits sandbox retention: {Rows} rows past retention deleted")]
    private partial void LogSwept(int rows);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Benefits sandbox retention failed ({Error}); it runs again tomorrow")]
    private partial void LogFailed(string error);
}
