using System.Text.Json;
using IqosBot.Bot.Tests.Handoff;
using IqosBot.Bot.Tests.Hosting;
using IqosBot.Handoff;
using IqosBot.Privacy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;

namespace IqosBot.Bot.Tests.Privacy;

/// <summary>
/// A data-subject request end to end, while the bot runs: a customer registers a device, files a claim with a
/// delivery address and books a callback (customer care is closed); another customer checks a warranty. The
/// export holds the first customer's data and nothing of the second's; the erasure leaves no byte of the
/// e-mail, the phone number or the street in any database file, write-ahead logs included.
/// </summary>
public sealed class PersonalDataRequestTests : IDisposable
{
    private const string Email = PrivacyScenario.Email;
    private const string Street = PrivacyScenario.Street;
    private const string OtherEmail = PrivacyScenario.OtherEmail;

    /// <summary>As the tool prints it: "+46…" and "å" as themselves, not escaped.</summary>
    private static readonly JsonSerializerOptions AsPrinted = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly TempDatabase _database = new();
    private readonly BotHost _host;

    public PersonalDataRequestTests()
    {
        _host = new BotHost(_database.Path, services: ShiftedClock.At(ShiftedClock.Closed));
    }

    private PersonalDataRequests Requests => PersonalDataRequests.From(
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Path"] = _database.Path,
            ["Benefits:Sandbox:DatabasePath"] = Path.Combine(_database.Directory, "benefits-sandbox.db"),
        }).Build(),
        _database.Directory);

    [Fact]
    public async Task Export_shows_one_customers_data_only_and_erase_leaves_no_byte_of_it_on_disk()
    {
        var (subject, other) = await PrivacyScenario.TwoCustomersAsync(_host);

        // Transcript lines are written in batches behind the turns: the tool runs beside the bot, so let them land first.
        await _host.Services.GetRequiredService<TranscriptLog>().FlushAsync(CancellationToken.None);
        var stored = await _database.AllStoredTextAsync();
        Assert.Contains(Email, stored, StringComparison.Ordinal);
        Assert.Contains(Street, stored, StringComparison.Ordinal);
        Assert.Contains("+46709876543", stored, StringComparison.Ordinal);

        var export = JsonSerializer.Serialize(await Requests.ExportAsync(new PersonalDataSubject(Email, null, null), CancellationToken.None), AsPrinted);

        Assert.Contains(Email, export, StringComparison.Ordinal);
        Assert.Contains(Street, export, StringComparison.Ordinal);
        Assert.Contains("+46709876543", export, StringComparison.Ordinal);
        Assert.Contains("ILP1A2B3C4D5", export, StringComparison.Ordinal);
        Assert.Contains("webchat/" + subject, export, StringComparison.Ordinal);
        Assert.DoesNotContain(OtherEmail, export, StringComparison.Ordinal);
        Assert.DoesNotContain(other, export, StringComparison.Ordinal);

        // The same person found by the phone number as typed in another form.
        var byPhone = JsonSerializer.Serialize(await Requests.ExportAsync(new PersonalDataSubject(null, "+46 70 987 65 43", null), CancellationToken.None), AsPrinted);
        Assert.Contains("webchat/" + subject, byPhone, StringComparison.Ordinal);
        Assert.DoesNotContain(other, byPhone, StringComparison.Ordinal);

        var erased = await Requests.EraseAsync(new PersonalDataSubject(Email, "070-987 65 43", null), CancellationToken.None);

        Assert.Equal(1, erased["accounts"]);
        Assert.Equal(1, erased["registrations"]);
        Assert.Equal(1, erased["claims"]);
        Assert.Equal(1, erased["callback_tickets"]);
        Assert.True(erased["transcript_entries"] > 0);
        Assert.True(erased["state"] > 0);
        var after = await _database.AllStoredTextAsync();
        Assert.DoesNotContain(Email, after, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Street, after, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("709876543", after, StringComparison.Ordinal);
        Assert.DoesNotContain("987 65 43", after, StringComparison.Ordinal);

        // The other customer's conversation is untouched, and the bot goes on serving.
        Assert.Contains(other, after, StringComparison.Ordinal);
        Assert.NotEmpty((await new EmulatorClient(_host.CreateClient(), locale: "sv-SE", channelId: "webchat").SendTextAsync("hej")).Texts);
        Assert.Empty(JsonSerializer.Deserialize<JsonElement>(JsonSerializer.Serialize(await Requests.ExportAsync(new PersonalDataSubject(Email, null, null), CancellationToken.None)))
            .GetProperty("conversations").EnumerateArray());
    }

    [Fact]
    public async Task An_erasure_through_the_running_bot_also_drops_the_state_it_keeps_in_memory_for_the_next_turn()
    {
        var (subject, other) = await PrivacyScenario.TwoCustomersAsync(_host);
        var handOver = _host.Services.GetRequiredService<IqosBot.Storage.StateHandOver>();
        var held = handOver.Count;

        await _host.Services.GetRequiredService<PersonalDataRequests>().EraseAsync(new PersonalDataSubject(Email, null, null), CancellationToken.None);

        // The subject's last saved state (their e-mail in the registration and the claim) is gone from memory too; the
        // other customer's still waits for their next turn.
        Assert.Equal(held - 1, handOver.Count);
        Assert.False(handOver.TryTake("webchat/conversations/" + subject, out _, out _));
        Assert.True(handOver.TryTake("webchat/conversations/" + other, out _, out _));
    }

    public void Dispose()
    {
        _host.Dispose();
        _database.Dispose();
    }
}
