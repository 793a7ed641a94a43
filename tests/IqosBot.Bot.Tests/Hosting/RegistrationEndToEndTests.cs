using Newtonsoft.Json.Linq;

namespace IqosBot.Bot.Tests.Hosting;

/// <summary>
/// The whole path a customer takes, through /api/messages with the real recognizer, dialogs, typed
/// client, resilience pipeline and the benefits sandbox over HTTP: register a demo device to a new
/// e-mail, then check its warranty.
/// </summary>
public sealed class RegistrationEndToEndTests : IDisposable
{
    private readonly TempDatabase _database = new();
    private readonly BotHost _host;

    public RegistrationEndToEndTests()
    {
        _host = new BotHost(_database.Path);
    }

    [Fact]
    public async Task A_customer_registers_ILP1A2B3C4D5_in_Swedish_and_then_checks_its_warranty()
    {
        var client = new EmulatorClient(_host.CreateClient(), locale: "sv-SE", channelId: "webchat");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm")).DateTime);
        var purchased = today.AddDays(-1);

        Assert.Contains("Vilket serienummer har din IQOS?", (await client.SendTextAsync("jag vill registrera min enhet")).Texts.Last());
        Assert.StartsWith("När köpte du den?", (await client.SendTextAsync("ilp1-a2b3 c4d5")).Texts.Single());
        Assert.StartsWith("Vilken e-postadress", (await client.SendTextAsync("igår")).Texts.Single());
        Assert.Equal("Är du 18 år eller äldre?", (await client.SendTextAsync("ny.kund@example.com")).Texts.Single());
        Assert.StartsWith("Vill du få nyheter", (await client.SendTextAsync("ja")).Texts.Single());

        var summary = Assert.Single((await client.SendTextAsync("nej")).AdaptiveCards);
        Assert.Equal("ILP1••••C4D5", Fact(summary, "Serienummer"));
        Assert.Equal("n•••d@example.com", Fact(summary, "E-post"));
        Assert.DoesNotContain("ny.kund@example.com", summary.ToString(), StringComparison.Ordinal);

        var submitted = await client.SendAsync(client.NewActivity("message", new JObject { ["value"] = new JObject { ["action"] = "confirm" } }));
        var receipt = Assert.Single(submitted.AdaptiveCards);
        Assert.Contains("Klart! Din IQOS är registrerad", receipt.ToString(), StringComparison.Ordinal);
        Assert.Equal("IQOS ILUMA PRIME", Fact(receipt, "Modell"));
        Assert.Equal(Swedish(purchased.AddMonths(12)), Fact(receipt, "Garanti t.o.m."));
        Assert.Contains("Aktivera det med länken i mejlet", receipt.ToString(), StringComparison.Ordinal);

        Assert.StartsWith("Vilket serienummer har enheten du vill kolla?", (await client.SendTextAsync("kolla min garanti")).Texts.Single());
        await client.SendTextAsync("ILP1A2B3C4D5");
        var status = Assert.Single((await client.SendTextAsync("ny.kund@example.com")).AdaptiveCards);
        Assert.Equal("Din IQOS ILUMA PRIME", status["body"]![0]!["text"]!.ToString());
        Assert.Equal(Swedish(purchased.AddMonths(12)), Fact(status, "Garanti t.o.m."));
        Assert.Equal($"{Swedish(today.AddMonths(12))}, ärendet är inte använt", Fact(status, "Olycksfallsskydd t.o.m."));
        Assert.Equal($"59 dagar kvar (t.o.m. {Swedish(purchased.AddDays(60))})", Fact(status, "Pengarna tillbaka"));

        // Operators' logs of the whole run, at every level, hold no e-mail or serial in clear text.
        var logs = string.Join("\n", _host.Logs.Lines);
        Assert.NotEmpty(_host.Logs.Lines);
        Assert.DoesNotContain("ny.kund", logs, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("ILP1A2B3C4D5", logs, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("A2B3", logs, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_personal_identity_number_typed_by_mistake_is_refused_and_never_logged_or_stored()
    {
        var client = new EmulatorClient(_host.CreateClient(), locale: "sv-SE", channelId: "webchat");
        await client.SendTextAsync("jag vill registrera min enhet");

        var reply = await client.SendTextAsync("19900101-1239");

        // Said once, then the serial question again: the customer carries on where they were.
        Assert.Equal(2, reply.Texts.Count);
        Assert.StartsWith("Det där ser ut som ett personnummer eller kortnummer.", reply.Texts[0], StringComparison.Ordinal);
        Assert.StartsWith("Vilket serienummer har din IQOS?", reply.Texts[1], StringComparison.Ordinal);
        Assert.DoesNotContain("1239", reply.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(_host.Logs.Lines, line => line.Contains("19900101", StringComparison.Ordinal));
        Assert.DoesNotContain("19900101", await _database.AllStoredTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_device_registered_to_someone_else_cannot_be_looked_up_and_reveals_nothing()
    {
        var client = new EmulatorClient(_host.CreateClient(), locale: "en-US", channelId: "webchat");

        await client.SendTextAsync("check my warranty");
        await client.SendTextAsync("ILU9Z8Y7X6W5");
        var reply = await client.SendTextAsync("demo@example.com");

        Assert.StartsWith("I can't find a registered device with that serial number and e-mail address.", reply.Texts[0]);
        Assert.DoesNotContain("someone.else", reply.Body, StringComparison.Ordinal);
    }

    private static string Swedish(DateOnly date) => date.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("sv-SE"));

    private static string? Fact(JObject card, string title)
        => card.Descendants().OfType<JObject>().FirstOrDefault(fact => (string?)fact["title"] == title)?["value"]?.ToString();

    public void Dispose()
    {
        _host.Dispose();
        _database.Dispose();
    }
}
