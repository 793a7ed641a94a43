using System.Security.Cryptography;
using IqosBot.Benefits.Contract;
using Microsoft.Data.Sqlite;

namespace IqosBot.Sandbox.Benefits;

/// <summary>The SQL of the sandbox CRM's claims. Callers pass normalized values and run inside a write transaction.</summary>
internal static class ClaimQueries
{
    public const string CaseNumberPrefix = "RC-";

    // No look-alikes: no 0/O, 1/I/L, so a case number read out on the phone or retyped is not misread.
    private const string CaseAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private const int CaseLength = 8;

    public static string NewCaseNumber() => CaseNumberPrefix + new string(RandomNumberGenerator.GetItems<char>(CaseAlphabet, CaseLength));

    /// <summary>Stores the claim under a new case number (drawn again in the unlikely event it is taken) and returns that number.</summary>
    public static async Task<string> InsertClaimAsync(
        SqliteConnection connection, long accountId, ClaimRequest claim, DateTimeOffset now, CancellationToken cancellationToken)
    {
        while (true)
        {
            var caseNumber = NewCaseNumber();
            await using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO claims (case_number, serial, account_id, kind, damage, fault_description, street, postal_code, city, language, created_at)
                VALUES ($case, $serial, $account, $kind, $damage, $fault, $street, $postcode, $city, $language, $now)
                ON CONFLICT (case_number) DO NOTHING
                """;
            command.Parameters.AddWithValue("$case", caseNumber);
            command.Parameters.AddWithValue("$serial", claim.Serial);
            command.Parameters.AddWithValue("$account", accountId);
            command.Parameters.AddWithValue("$kind", claim.Kind);
            command.Parameters.AddWithValue("$damage", claim.Damage);
            command.Parameters.AddWithValue("$fault", claim.FaultDescription);
            command.Parameters.AddWithValue("$street", claim.Address.Street);
            command.Parameters.AddWithValue("$postcode", claim.Address.PostalCode);
            command.Parameters.AddWithValue("$city", claim.Address.City);
            command.Parameters.AddWithValue("$language", claim.Language);
            command.Parameters.AddWithValue("$now", CrmQueries.Timestamp(now));
            if (await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1)
            {
                return caseNumber;
            }
        }
    }

    /// <summary>The device's one accidental-damage claim is spent.</summary>
    public static async Task MarkAccidentalClaimUsedAsync(SqliteConnection connection, string serial, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE registrations SET accidental_damage_claim_used = 1 WHERE serial = $serial";
        command.Parameters.AddWithValue("$serial", serial);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
