using Newtonsoft.Json.Linq;

namespace IqosBot.Bot.Tests.Hosting;

/// <summary>
/// Every fact of the seed FAQ, asked the way a customer would in Swedish and in English (typos
/// included), through /api/messages with the real recognizer: the answer card states the fact, in the
/// language of the question, with configured figures filled in.
/// </summary>
public sealed class SeedFaqTests : IClassFixture<SeedFaqTests.Host>
{
    private readonly Host _host;

    public SeedFaqTests(Host host)
    {
        _host = host;
    }

    [Theory]
    // What registration gives, and that the device must be registered for it.
    [InlineData("sv", "vad får jag om jag registrerar min iqos?", "60 dagars pengarna tillbaka-garanti", "en ny enhet om den går sönder")]
    [InlineData("sv", "varfor ska jag registrera enheten", "internationell support", "personlig IQOS-expert")]
    [InlineData("en", "what do I get for registering my device", "60-day money-back guarantee", "a new device if it breaks down")]
    [InlineData("en", "why shoud i register my iqos", "international support", "personal IQOS Expert")]
    // An account is needed to buy on IQOS.com.
    [InlineData("sv", "behöver jag ett konto för att handla på iqos.com", "konto", "handla")]
    [InlineData("en", "do I need an account to buy on iqos.com", "account", "buy")]
    // Communication sign-up: what it gives, and no tobacco offers.
    [InlineData("sv", "vad får jag om jag prenumererar på nyhetsbrevet", "erbjudanden", "tobak")]
    [InlineData("en", "what do i get if i sign up for your newsletter", "special offers", "tobacco")]
    // Customer Benefit Program / Care Plus: the benefits, one accidental damage claim per unit for 12 months
    // from registration, the programme for 12 months from the purchase of the latest device.
    [InlineData("sv", "vad ingår i care plus", "olycksfallsskydd", "12 månader från registreringen")]
    [InlineData("sv", "hur länge gäller customer benefit program", "12 månader från köpdatumet för din senast köpta enhet", "10 % rabatt på tillbehör")]
    [InlineData("en", "what's included in the customer benefit program", "accidental damage", "12 months from registration")]
    [InlineData("en", "how long does care plus last", "12 months from the purchase date of your latest", "10% off accessories")]
    // The IQOS Expert: what one does, and that registered customers and Care Plus members get a personal one.
    [InlineData("sv", "vad gör en iqos expert?", "förklara hur IQOS fungerar", "personlig IQOS-expert", "Care Plus", "kundtjänst")]
    [InlineData("sv", "vad ar en personlig iqos expert", "förklara hur IQOS fungerar", "60 dagarna med pengarna tillbaka-garanti")]
    [InlineData("sv", "iqos experten vad hjalper den till med", "registreringen", "personlig IQOS-expert")]
    [InlineData("sv", "får man en egen iqos expret när man registrerar", "Som registrerad kund får du stöd av en personlig IQOS-expert")]
    [InlineData("en", "what does the iqos expert help with?", "explain how IQOS works and its benefits", "personal IQOS Expert", "Care Plus", "Customer care")]
    [InlineData("en", "whats a personal iqos expret", "explain how IQOS works", "60-day money-back period")]
    [InlineData("en", "do i get an iqos expert with care plus", "part of Care Plus", "register your device through an IQOS Expert")]
    // International assistance.
    [InlineData("sv", "jag ska åka utomlands, kan jag få hjälp med min iqos där?", "avgiftsfritt nummer", "land där IQOS säljs")]
    [InlineData("en", "travelling abroad next week, can i get help with my iqos there", "toll-free number", "a country where IQOS is sold")]
    // 10% off accessories.
    [InlineData("sv", "får jag rabatt på tillbehör", "10 % rabatt på tillbehör")]
    [InlineData("en", "is there a discount on accessories", "10%")]
    // Every contact channel with the opening hours.
    [InlineData("sv", "hur kontaktar jag kundtjänst", "020-25 10 10", "contact.se@iqos.com", "Måndag–fredag 08.00–19.00, lördag–söndag 10.00–18.00", "butik")]
    [InlineData("en", "how can I contact customer care", "020-25 10 10", "contact.se@iqos.com", "Monday–Friday 08.00–19.00, Saturday–Sunday 10.00–18.00", "store")]
    // The 60-day money-back guarantee.
    [InlineData("sv", "kan jag lämna tillbaka enheten om jag inte gillar den", "60 dagars pengarna tillbaka-garanti")]
    [InlineData("en", "can I get a refund if I don't like my iqos", "60-day money-back guarantee")]
    // A new device if it breaks down and the defect is covered by the warranty, asked as a question.
    [InlineData("sv", "byte av enhet", "ny enhet", "garantin")]
    [InlineData("en", "device replacement", "new device", "warranty")]
    public async Task A_seed_fact_is_answered_in_the_language_it_was_asked_in(string language, string question, params string[] expected)
    {
        var client = new EmulatorClient(_host.CreateClient(), locale: "sv-SE");

        var reply = await client.SendTextAsync(question);

        var card = Assert.Single(reply.AdaptiveCards);
        var text = string.Join("\n", card.Descendants().OfType<JValue>().Where(v => v.Type == JTokenType.String).Select(v => (string)v!));
        foreach (var fact in expected)
        {
            Assert.Contains(fact, text, StringComparison.Ordinal);
        }

        Assert.Equal(language == "sv" ? "Hjälpte det här?" : "Did this help?", reply.Texts.Last());
    }

    /// <summary>Reported, not asked: the same promise, then the broken-device journey instead of a paragraph.</summary>
    [Theory]
    [InlineData("sv", "min iqos är trasig, får jag en ny?", "ny enhet", "garantin", "Vad är det som händer med den?")]
    [InlineData("en", "my device is defective, can I get a new one?", "new device", "warranty", "What's happening with it?")]
    public async Task A_broken_device_hears_the_replacement_promise_and_is_asked_what_happened(string language, string report, string device, string warranty, string question)
    {
        var client = new EmulatorClient(_host.CreateClient(), locale: language == "sv" ? "sv-SE" : "en-US");

        var reply = await client.SendTextAsync(report);

        Assert.Contains(device, reply.Texts[0], StringComparison.Ordinal);
        Assert.Contains(warranty, reply.Texts[0], StringComparison.Ordinal);
        Assert.Equal(question, reply.Texts[1]);
        Assert.Empty(reply.AdaptiveCards);
    }

    public sealed class Host : IDisposable
    {
        private readonly TempDatabase _database = new();
        private readonly BotHost _host;

        public Host()
        {
            _host = new BotHost(_database.Path);
        }

        public HttpClient CreateClient() => _host.CreateClient();

        public void Dispose()
        {
            _host.Dispose();
            _database.Dispose();
        }
    }
}
