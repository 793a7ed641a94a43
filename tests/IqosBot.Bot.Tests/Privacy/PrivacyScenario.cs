using IqosBot.Bot.Tests.Hosting;
using Newtonsoft.Json.Linq;

namespace IqosBot.Bot.Tests.Privacy;

/// <summary>The conversations a data-subject request is tried on, whatever the bot stores them in (customer care closed, so the callback is booked).</summary>
public static class PrivacyScenario
{
    public const string Email = "erik.radera@example.com";
    public const string Street = "Raderagatan 7";
    public const string OtherEmail = "demo@example.com";

    /// <summary>The subject registers, claims and books a callback; someone else checks a warranty. Returns both conversation ids.</summary>
    public static async Task<(string Subject, string Other)> TwoCustomersAsync(BotHost host)
    {
        var client = new EmulatorClient(host.CreateClient(), locale: "sv-SE", channelId: "webchat");
        await client.SendTextAsync("jag vill registrera min enhet");
        await client.SendTextAsync("ILP1A2B3C4D5");
        await client.SendTextAsync("igår");
        await client.SendTextAsync(Email);
        await client.SendTextAsync("ja");
        await client.SendTextAsync("nej");
        var registered = await client.SendAsync(client.NewActivity("message", new JObject { ["value"] = new JObject { ["action"] = "confirm" } }));
        Assert.Contains("Klart! Din IQOS är registrerad", registered.Body, StringComparison.Ordinal);

        var reply = await client.SendTextAsync("min iluma blinkar rött");
        for (var steps = 0; reply.Texts.LastOrDefault() == "Hjälpte det?" && steps < 5; steps++)
        {
            reply = await client.SendTextAsync("nej");
        }

        await client.SendTextAsync("ILP1A2B3C4D5");
        Assert.Contains("omfattas", (await client.SendTextAsync(Email)).Texts.Last(), StringComparison.Ordinal);
        await client.SendTextAsync(Street);
        await client.SendTextAsync("12345");
        await client.SendTextAsync("Stockholm");
        Assert.Contains("Ärende", (await client.SendTextAsync("ja")).Body, StringComparison.Ordinal);

        Assert.Contains("ringa upp dig", string.Join(" ", (await client.SendTextAsync("jag vill prata med en människa")).Texts), StringComparison.Ordinal);
        await client.SendTextAsync("Ring upp mig");
        await client.SendTextAsync("070-987 65 43");
        Assert.Contains("Vi ringer dig", string.Join(" ", (await client.SendTextAsync("ja")).Texts), StringComparison.Ordinal);

        var other = new EmulatorClient(host.CreateClient(), locale: "sv-SE", channelId: "webchat");
        await other.SendTextAsync("kolla min garanti");
        await other.SendTextAsync("ILU2M3N4P5Q6");
        await other.SendTextAsync(OtherEmail);
        return (client.ConversationId, other.ConversationId);
    }

}
