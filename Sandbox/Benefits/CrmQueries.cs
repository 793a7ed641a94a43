using System.Globalization;
using IqosBot.Benefits.Contract;
using Microsoft.Data.Sqlite;

namespace IqosBot.Sandbox.Benefits;

/// <summary>The SQL of the sandbox CRM. Callers pass normalized serials and e-mail addresses.</summary>
internal static class CrmQueries
{
    private const string DateFormat = "yyyy-MM-dd";

    private const string FindDeviceSql = """
        SELECT d.model, r.account_id, a.email, a.status, r.purchase_date, r.registration_date,
               r.accidental_damage_claim_used,
               (SELECT MAX(other.purchase_date) FROM registrations other WHERE other.account_id = r.account_id)
        FROM devices d
        LEFT JOIN registrations r ON r.serial = d.serial
        LEFT JOIN accounts a ON a.id = r.account_id
        WHERE d.serial = $serial
        """;

    public static async Task<DeviceRecord?> FindDeviceAsync(SqliteConnection connection, string serial, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = FindDeviceSql;
        command.Parameters.AddWithValue("$serial", serial);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var registration = reader.IsDBNull(1)
            ? null
            : new RegistrationRecord(
                AccountId: reader.GetInt64(1),
                AccountEmail: reader.GetString(2),
                AccountStatus: reader.GetString(3),
                PurchaseDate: ParseDate(reader.GetString(4)),
                RegistrationDate: ParseDate(reader.GetString(5)),
                AccidentalDamageClaimUsed: reader.GetInt64(6) != 0,
                LatestPurchaseOnAccount: ParseDate(reader.GetString(7)));
        return new DeviceRecord(serial, reader.GetString(0), registration);
    }

    /// <summary>The account of this e-mail address, created pending activation if it has none yet.</summary>
    public static async Task<(long Id, bool Created)> FindOrCreateAccountAsync(
        SqliteConnection connection, string email, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var find = connection.CreateCommand();
        find.CommandText = "SELECT id FROM accounts WHERE email = $email";
        find.Parameters.AddWithValue("$email", email);
        if (await find.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long id)
        {
            return (id, false);
        }

        await using var create = connection.CreateCommand();
        create.CommandText = "INSERT INTO accounts (email, status, created_at) VALUES ($email, $status, $now) RETURNING id";
        create.Parameters.AddWithValue("$email", email);
        create.Parameters.AddWithValue("$status", AccountStatuses.PendingActivation);
        create.Parameters.AddWithValue("$now", Timestamp(now));
        return ((long)(await create.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!, true);
    }

    public static async Task InsertRegistrationAsync(
        SqliteConnection connection, string serial, long accountId, RegistrationRequest request, DateOnly registrationDate, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO registrations (serial, account_id, purchase_date, registration_date, accidental_damage_claim_used, marketing_consent, language, created_at)
            VALUES ($serial, $account, $purchase, $registration, 0, $consent, $language, $now)
            """;
        command.Parameters.AddWithValue("$serial", serial);
        command.Parameters.AddWithValue("$account", accountId);
        command.Parameters.AddWithValue("$purchase", FormatDate(request.PurchaseDate));
        command.Parameters.AddWithValue("$registration", FormatDate(registrationDate));
        command.Parameters.AddWithValue("$consent", request.MarketingConsent ? 1 : 0);
        command.Parameters.AddWithValue("$language", request.Language);
        command.Parameters.AddWithValue("$now", Timestamp(now));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public static string FormatDate(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);

    public static string Timestamp(DateTimeOffset now) => now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static DateOnly ParseDate(string text) => DateOnly.ParseExact(text, DateFormat, CultureInfo.InvariantCulture);
}
