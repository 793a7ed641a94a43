using System.Text.Json;
using IqosBot.Bot.Tests.Handoff;
using IqosBot.Bot.Tests.Hosting;
using IqosBot.Bot.Tests.Storage;
using IqosBot.Handoff;
using IqosBot.Privacy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace IqosBot.Bot.Tests.Privacy;

/// <summary>
/// The same data-subject request with the bot on PostgreSQL (Storage:Provider=Postgres): the export holds the
/// subject's conversations and nothing of anyone else's; the erasure leaves no row of any table mentioning
/// their e-mail, phone number or street, and the other customer's conversation stays.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PersonalDataRequestsOnPostgresTests : IAsyncLifetime
{
    private static readonly JsonSerializerOptions AsPrinted = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly string[] Tables = ["bot_state", "handoff_cases", "callback_tickets", "directline_conversations", "directline_activities", "transcript_entries"];

    private readonly PostgresServer _server;
    private readonly TempDatabase _files = new();
    private readonly string _database = "privacy_" + Guid.NewGuid().ToString("N");
    private NpgsqlDataSource _dataSource = null!;
    private Dictionary<string, string?> _settings = null!;
    private BotHost _host = null!;

    public PersonalDataRequestsOnPostgresTests(PostgresServer server)
    {
        _server = server;
    }

    public async Task InitializeAsync()
    {
        _dataSource = await _server.CreateDatabaseAsync(_database);
        _settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Postgres",
            ["ConnectionStrings:Postgres"] = new NpgsqlConnectionStringBuilder(_server.AdminConnectionString) { Database = _database }.ConnectionString,
            ["Storage:Path"] = _files.Path,
            ["Benefits:Sandbox:DatabasePath"] = Path.Combine(_files.Directory, "benefits-sandbox.db"),
        };
        _host = new BotHost(_files.Path, _settings, ShiftedClock.At(ShiftedClock.Closed));
    }

    /// <summary>As the tool builds it, from the bot's configuration.</summary>
    private PersonalDataRequests Requests => PersonalDataRequests.From(new ConfigurationBuilder().AddInMemoryCollection(_settings).Build(), _files.Directory);

    [Fact]
    public async Task Export_shows_one_customers_data_only_and_erase_leaves_no_row_of_it()
    {
        var (subject, other) = await PrivacyScenario.TwoCustomersAsync(_host);
        await _host.Services.GetRequiredService<TranscriptLog>().FlushAsync(CancellationToken.None);
        var stored = await AllRowsAsync();
        Assert.Contains(PrivacyScenario.Email, stored, StringComparison.Ordinal);
        Assert.Contains(PrivacyScenario.Street, stored, StringComparison.Ordinal);
        Assert.Contains("+46709876543", stored, StringComparison.Ordinal);

        var export = JsonSerializer.Serialize(await Requests.ExportAsync(new PersonalDataSubject(PrivacyScenario.Email, null, null), CancellationToken.None), AsPrinted);
        Assert.Contains(PrivacyScenario.Street, export, StringComparison.Ordinal);
        Assert.Contains("+46709876543", export, StringComparison.Ordinal);
        Assert.Contains("ILP1A2B3C4D5", export, StringComparison.Ordinal);
        Assert.Contains("webchat/" + subject, export, StringComparison.Ordinal);
        Assert.DoesNotContain(PrivacyScenario.OtherEmail, export, StringComparison.Ordinal);
        Assert.DoesNotContain(other, export, StringComparison.Ordinal);

        // Found by the phone number as typed in another form.
        var byPhone = JsonSerializer.Serialize(await Requests.ExportAsync(new PersonalDataSubject(null, "+46 70 987 65 43", null), CancellationToken.None), AsPrinted);
        Assert.Contains("webchat/" + subject, byPhone, StringComparison.Ordinal);
        Assert.DoesNotContain(other, byPhone, StringComparison.Ordinal);

        var erased = await Requests.EraseAsync(new PersonalDataSubject(PrivacyScenario.Email, "070-987 65 43", null), CancellationToken.None);

        Assert.Equal(1, erased["callback_tickets"]);
        Assert.True(erased["state"] > 0);
        Assert.True(erased["transcript_entries"] > 0);
        Assert.Equal(1, erased["accounts"]);
        var after = await AllRowsAsync();
        Assert.DoesNotContain(PrivacyScenario.Email, after, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(PrivacyScenario.Street, after, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("709876543", after, StringComparison.Ordinal);
        Assert.DoesNotContain("987 65 43", after, StringComparison.Ordinal);
        Assert.Contains(other, after, StringComparison.Ordinal);
        Assert.NotEmpty((await new EmulatorClient(_host.CreateClient(), locale: "sv-SE", channelId: "webchat").SendTextAsync("hej")).Texts);
    }

    /// <summary>Every row of every table the bot keeps conversations in, as text.</summary>
    private async Task<string> AllRowsAsync()
    {
        var rows = new System.Text.StringBuilder();
        foreach (var table in Tables)
        {
            await using var command = _dataSource.CreateCommand($"SELECT COALESCE(string_agg(t::text, E'\\n'), '') FROM {table} AS t");
            rows.AppendLine((string)(await command.ExecuteScalarAsync())!);
        }

        return rows.ToString();
    }

    public async Task DisposeAsync()
    {
        _host.Dispose();
        await _dataSource.DisposeAsync();
        await _server.DropDatabaseAsync(_database);
        _files.Dispose();
    }
}
