using Microsoft.Data.Sqlite;

namespace IqosBot.Sandbox.Benefits;

/// <summary>
/// Adds the demo rows that are missing when the host starts. Only missing rows: a restart must neither
/// duplicate the demo nor undo what someone registered meanwhile (a demo device they registered stays
/// theirs, and the demo's own dates stay those of the day it was first seeded).
/// </summary>
internal sealed class DemoDataSeeder(SandboxDatabase database, SwedishCalendar calendar, ILogger<DemoDataSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var today = calendar.Today;
        var now = calendar.Now;
        var added = await database.WriteAsync(async connection =>
        {
            var rows = 0;
            foreach (var email in DemoData.ActiveAccounts)
            {
                rows += await ExecuteAsync(
                    connection,
                    "INSERT INTO accounts (email, status, created_at) VALUES ($email, 'active', $now) ON CONFLICT (email) DO NOTHING",
                    cancellationToken,
                    ("$email", email),
                    ("$now", CrmQueries.Timestamp(now))).ConfigureAwait(false);
            }

            foreach (var device in DemoData.Devices(today))
            {
                rows += await ExecuteAsync(
                    connection,
                    "INSERT INTO devices (serial, model) VALUES ($serial, $model) ON CONFLICT (serial) DO NOTHING",
                    cancellationToken,
                    ("$serial", device.Serial),
                    ("$model", device.Model)).ConfigureAwait(false);

                if (device.Registration is { } registration)
                {
                    // SQLite needs the WHERE for INSERT ... SELECT ... ON CONFLICT to parse unambiguously; it is wanted anyway.
                    rows += await ExecuteAsync(
                        connection,
                        """
                        INSERT INTO registrations (serial, account_id, purchase_date, registration_date, accidental_damage_claim_used, marketing_consent, language, created_at)
                        SELECT $serial, id, $date, $date, $claimUsed, 0, 'sv', $now FROM accounts WHERE email = $email
                        ON CONFLICT (serial) DO NOTHING
                        """,
                        cancellationToken,
                        ("$serial", device.Serial),
                        ("$email", registration.Email),
                        ("$date", CrmQueries.FormatDate(registration.Date)),
                        ("$claimUsed", registration.ClaimUsed ? 1 : 0),
                        ("$now", CrmQueries.Timestamp(now))).ConfigureAwait(false);
                }
            }

            return rows;
        }, cancellationToken).ConfigureAwait(false);

        logger.LogInformation(
            "Benefits API sandbox (demo data, not a real CRM) serving from {DatabasePath}: {Added} missing demo rows added",
            database.FilePath, added);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static async Task<int> ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
