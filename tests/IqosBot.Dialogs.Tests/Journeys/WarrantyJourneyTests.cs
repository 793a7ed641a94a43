using IqosBot.Dialogs.Resources;
using IqosBot.Dialogs.Tests.Harness;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using static IqosBot.Dialogs.Tests.Journeys.JourneyBot;

namespace IqosBot.Dialogs.Tests.Journeys;

/// <summary>
/// Checking one device's coverage from the main dialog: serial, account e-mail, the coverage card. Today is
/// Thursday 26 November 2026 in Stockholm; the demo devices were bought 26, 7 and 4 months ago.
/// </summary>
public sealed class WarrantyJourneyTests
{
    private static readonly string[] SwedishYesNo = ["Ja", "Nej"];
    private static readonly string[] SwedishMenu = ["Registrera enhet", "Kolla min garanti", "Ställ en fråga", "Prata med en person"];
    private const string SwedishHours = "Måndag–fredag 08.00–19.00, lördag–söndag 10.00–18.00";

    [Fact]
    public async Task A_registered_device_gets_its_coverage_card_and_the_menu()
    {
        var bot = Build();

        var serial = Assert.Single(await bot.SayAsync("kolla garantin"));
        var email = Assert.Single(await bot.SayAsync("ilu2-m3n4 p5q6"));
        var replies = await bot.SayAsync(FakeBenefitsApi.DemoEmail);

        Assert.Equal(Sv(TextKey.WarSerialPrompt), serial.Text);
        Assert.Equal(Sv(TextKey.WarEmailPrompt), email.Text);
        Assert.Equal(2, replies.Count);
        var card = replies[0].AdaptiveCard()!;
        Assert.Contains("Din IQOS ILUMA", card.CardStrings());
        Assert.Equal("IQOS ILUMA", card.Fact("Modell"));
        Assert.Equal("26 april 2026", card.Fact("Köpt"));
        Assert.Equal("26 april 2027", card.Fact("Garanti t.o.m."));

        // The benefit programme follows the account's newest device (ILP8R7S6T5U4, bought 26 July).
        Assert.Equal("26 juli 2027", card.Fact("Förmånsprogram t.o.m."));
        Assert.Equal("26 april 2027, ärendet är inte använt", card.Fact("Olycksfallsskydd t.o.m."));
        Assert.Equal("25 juni 2026 (har gått ut)", card.Fact("Pengarna tillbaka"));
        Assert.Equal(Sv(TextKey.AnythingElse), replies[1].Text);
        Assert.Equal(SwedishMenu, replies[1].SuggestedTitles());

        Assert.Equal(new LookupCall(FakeBenefitsApi.RegisteredIluma, FakeBenefitsApi.DemoEmail), Assert.Single(bot.Api.Lookups));
        Assert.Empty(await bot.Harness.SavedStackAsync());
    }

    [Fact]
    public async Task The_coverage_card_is_in_english_for_an_english_customer()
    {
        var bot = Build();

        var serial = Assert.Single(await bot.SayAsync("check my warranty"));
        var email = Assert.Single(await bot.SayAsync(FakeBenefitsApi.RegisteredIluma));
        var replies = await bot.SayAsync(FakeBenefitsApi.DemoEmail);

        Assert.Equal(En(TextKey.WarSerialPrompt), serial.Text);
        Assert.Equal(En(TextKey.WarEmailPrompt), email.Text);
        var card = replies[0].AdaptiveCard()!;
        Assert.Contains("Your IQOS ILUMA", card.CardStrings());
        Assert.Equal("26 April 2026", card.Fact("Purchased"));
        Assert.Equal("26 April 2027", card.Fact("Warranty until"));
        Assert.Equal("26 July 2027", card.Fact("Benefit programme until"));
        Assert.Equal("26 April 2027, claim not used", card.Fact("Accidental damage cover until"));
        Assert.Equal("25 June 2026 (ended)", card.Fact("Money-back guarantee"));
        Assert.Equal(En(TextKey.AnythingElse), replies[1].Text);
    }

    [Theory]
    [InlineData("kolla garantin", "Olycksfallsskydd t.o.m.", "26 juli 2027, ärendet är använt")]
    [InlineData("check my warranty", "Accidental damage cover until", "26 July 2027, claim used")]
    public async Task A_used_accidental_damage_claim_is_shown(string start, string label, string expected)
    {
        var bot = Build();

        var card = await LookUpAsync(bot, FakeBenefitsApi.ClaimUsedPrime, FakeBenefitsApi.DemoEmail, start);

        Assert.Equal(expected, card.Fact(label));
    }

    [Fact]
    public async Task A_device_bought_26_months_ago_shows_its_cover_as_ended()
    {
        var bot = Build();

        var card = await LookUpAsync(bot, FakeBenefitsApi.ExpiredDuo, FakeBenefitsApi.DemoEmail);

        Assert.Equal("26 september 2024", card.Fact("Köpt"));
        Assert.Equal("26 september 2025 (har gått ut)", card.Fact("Garanti t.o.m."));
        Assert.Equal("26 september 2025 (har gått ut), ärendet är inte använt", card.Fact("Olycksfallsskydd t.o.m."));
        Assert.Equal("25 november 2024 (har gått ut)", card.Fact("Pengarna tillbaka"));

        // As in the sandbox: the programme belongs to the account, whose newest device is 4 months old.
        Assert.Equal("26 juli 2027", card.Fact("Förmånsprogram t.o.m."));
    }

    [Theory]
    [InlineData("kolla garantin", "(har gått ut)")]
    [InlineData("check my warranty", "(ended)")]
    public async Task Every_date_of_an_old_device_alone_on_its_account_has_ended(string start, string ended)
    {
        var bot = Build();
        bot.Api.AddRegistered("D3U5K4L3M2N1", "IQOS 3 DUO", "old.owner@example.com", bot.Clock.Today.AddMonths(-26));

        var card = await LookUpAsync(bot, "D3U5K4L3M2N1", "old.owner@example.com", start);

        var facts = card.Descendants().OfType<Newtonsoft.Json.Linq.JObject>().Where(fact => fact["value"] is not null).Select(fact => (string)fact["value"]!).ToList();
        Assert.Equal(6, facts.Count);
        Assert.All(facts.Skip(2), value => Assert.Contains(ended, value, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unregistered_device_can_be_registered_at_once_without_asking_serial_or_email_again()
    {
        var bot = Build();
        await bot.SayAsync("kolla garantin");
        await bot.SayAsync(FakeBenefitsApi.UnregisteredPrime);

        var offer = Assert.Single(await bot.SayAsync("anna.svensson@example.com"));
        var date = await bot.SayAsync("ja");
        var age = Assert.Single(await bot.SayAsync("igår"));
        var summary = await bot.AnswerAllAsync("ja", "nej");
        var receiptReplies = await bot.PressAsync("confirm");
        Assert.Equal(2, receiptReplies.Count);
        var receipt = receiptReplies[0];

        Assert.Equal(
            "Din IQOS ILUMA PRIME är inte registrerad ännu. Registrerar du den får du bland annat pengarna tillbaka-garanti, en ny enhet om den går sönder och felet täcks av garantin, och internationell support. Vill du registrera den nu?",
            offer.Text);
        Assert.Equal(SwedishYesNo, offer.SuggestedTitles());
        Assert.Equal([Sv(TextKey.RegIntro), Sv(TextKey.RegDatePrompt)], date.Texts());
        Assert.Equal("Är du 18 år eller äldre?", age.Text);
        Assert.Equal("ILP1••••C4D5", summary.AdaptiveCard()!.Fact("Serienummer"));
        Assert.Equal("a•••n@example.com", summary.AdaptiveCard()!.Fact("E-post"));
        Assert.Contains("Klart! Din IQOS är registrerad", receipt.AdaptiveCard()!.CardStrings());
        Assert.Equal("59 dagar kvar (t.o.m. 24 januari 2027)", receipt.AdaptiveCard()!.Fact("Pengarna tillbaka"));

        var call = Assert.Single(bot.Api.Registrations);
        Assert.Equal(FakeBenefitsApi.UnregisteredPrime, call.Registration.Serial);
        Assert.Equal("anna.svensson@example.com", call.Registration.Email);
        Assert.Empty(await bot.Harness.SavedStackAsync());
    }

    [Fact]
    public async Task After_a_restart_at_register_now_the_serial_and_email_still_carry_over()
    {
        var bot = Build();
        await bot.SayAsync("kolla garantin");
        await bot.SayAsync(FakeBenefitsApi.UnregisteredOne);
        await bot.SayAsync("anna.svensson@example.com");

        bot.Harness.Restart();
        var date = await bot.SayAsync("ja");
        var summary = await bot.AnswerAllAsync("igår", "ja", "nej");

        Assert.Equal([Sv(TextKey.RegIntro), Sv(TextKey.RegDatePrompt)], date.Texts());
        Assert.Equal("ILO7••••J4K3", summary.AdaptiveCard()!.Fact("Serienummer"));
        Assert.Equal("a•••n@example.com", summary.AdaptiveCard()!.Fact("E-post"));
    }

    [Fact]
    public async Task No_to_registering_now_leaves_the_menu()
    {
        var bot = Build();
        await bot.SayAsync("kolla garantin");
        await bot.SayAsync(FakeBenefitsApi.UnregisteredDuo);
        await bot.SayAsync("anna.svensson@example.com");

        var menu = Assert.Single(await bot.SayAsync("nej"));

        Assert.Equal(Sv(TextKey.AnythingElse), menu.Text);
        Assert.Equal(SwedishMenu, menu.SuggestedTitles());
        Assert.Empty(bot.Api.Registrations);
        Assert.Empty(await bot.Harness.SavedStackAsync());
    }

    [Fact]
    public async Task A_wrong_email_and_another_accounts_device_get_the_same_answer()
    {
        var wrongEmail = await NotFoundRepliesAsync(FakeBenefitsApi.RegisteredIluma, "fel.adress@example.com");
        var otherAccount = await NotFoundRepliesAsync(FakeBenefitsApi.OtherAccountIluma, FakeBenefitsApi.DemoEmail);

        Assert.Equal(Sv(TextKey.WarNotFound), wrongEmail[0].Text);
        Assert.Equal(Sv(TextKey.AnythingElse), wrongEmail[1].Text);
        Assert.Equal(Visible(wrongEmail), Visible(otherAccount));
    }

    [Fact]
    public async Task An_unknown_serial_is_caught_when_given_before_the_email_is_asked()
    {
        var bot = Build();
        await bot.SayAsync("kolla garantin");

        var unknown = await bot.SayAsync("ILX9X8X7X6X5");
        var email = Assert.Single(await bot.SayAsync("oj, det ska vara " + FakeBenefitsApi.RegisteredIluma));

        // Whether a serial exists says nothing about whose device it is: registration tells the same.
        Assert.Equal([Sv(TextKey.RegUnknownSerial)], unknown.Texts());
        Assert.Equal(Sv(TextKey.WarEmailPrompt), email.Text);
        Assert.Empty(bot.Api.Lookups);
    }

    [Fact]
    public async Task A_personnummer_at_the_serial_step_is_refused_and_never_looked_up_or_stored()
    {
        var bot = Build();
        await bot.SayAsync("kolla garantin");

        var warning = await bot.Harness.SendAsync("19900101-1239");

        Assert.Equal([Sv(TextKey.ListenSensitiveNumber), Sv(TextKey.WarSerialPrompt)], warning.Messages().Texts());
        Assert.DoesNotContain("19900101-1239", warning.AllJson(), StringComparison.Ordinal);
        Assert.DoesNotContain("19900101", bot.StoredJson(), StringComparison.Ordinal);
        Assert.Empty(bot.Api.Lookups);
    }

    [Fact]
    public async Task The_sixth_lookup_in_ten_minutes_is_refused_without_calling_the_api()
    {
        var bot = Build();
        for (var i = 0; i < 5; i++)
        {
            await LookUpAsync(bot, FakeBenefitsApi.RegisteredIluma, FakeBenefitsApi.DemoEmail);
        }

        // The count is in the bot's storage, so a new process (or another instance) keeps it.
        bot.Harness.Restart();
        bot.Time.Advance(TimeSpan.FromMinutes(9));
        await bot.SayAsync("kolla garantin");
        await bot.SayAsync(FakeBenefitsApi.RegisteredIluma);
        var refused = Assert.Single(await bot.SayAsync(FakeBenefitsApi.DemoEmail));

        Assert.Equal(Sv(TextKey.WarTooManyLookups), refused.Text);
        Assert.Equal(TestSupport.Phone, refused.AdaptiveCard()!.Fact("Telefon"));
        Assert.Equal(5, bot.Api.Lookups.Count);
        Assert.Empty(await bot.Harness.SavedStackAsync());

        bot.Time.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        var card = await LookUpAsync(bot, FakeBenefitsApi.RegisteredIluma, FakeBenefitsApi.DemoEmail);

        Assert.Equal("IQOS ILUMA", card.Fact("Modell"));
        Assert.Equal(6, bot.Api.Lookups.Count);
    }

    [Fact]
    public async Task When_the_api_is_unavailable_the_bot_apologises_offers_a_person_and_carries_on_normally()
    {
        var bot = Build();
        bot.Api.Unavailable = true;
        await bot.SayAsync("kolla garantin");
        await bot.SayAsync(FakeBenefitsApi.RegisteredIluma);

        var apology = await bot.SayAsync(FakeBenefitsApi.DemoEmail);
        var stack = await bot.Harness.SavedStackAsync();
        var menu = Assert.Single(await bot.SayAsync("nej"));
        bot.Api.Unavailable = false;
        var card = await LookUpAsync(bot, FakeBenefitsApi.RegisteredIluma, FakeBenefitsApi.DemoEmail);

        Assert.Equal(
            [$"Förlåt, jag når inte vårt kundsystem just nu. Försök igen om en stund, eller ring kundtjänst på 020-25 10 10 ({SwedishHours}).", Sv(TextKey.OfferPersonPrompt)],
            apology.Texts());
        Assert.Equal(SwedishYesNo, apology[1].SuggestedTitles());
        Assert.Equal("MainDialog", Assert.Single(stack).Id);
        Assert.Equal(Sv(TextKey.AnythingElse), menu.Text);
        Assert.Empty(await bot.Harness.SavedStackAsync());
        Assert.Equal("IQOS ILUMA", card.Fact("Modell"));
    }

    [Fact]
    public async Task When_the_api_is_unavailable_yes_gives_the_contact_card()
    {
        var bot = Build();
        bot.Api.Unavailable = true;
        await bot.SayAsync("check my warranty");
        await bot.SayAsync(FakeBenefitsApi.RegisteredIluma);

        var apology = await bot.SayAsync(FakeBenefitsApi.DemoEmail);
        var person = await bot.SayAsync("yes");

        Assert.Equal(
            "Sorry, I can't reach our customer system right now. Please try again in a while, or call customer care on 020-25 10 10 (Monday–Friday 08.00–19.00, Saturday–Sunday 10.00–18.00).",
            apology[0].Text);
        Assert.Equal(En(TextKey.PersonInterim), person[0].Text);
        Assert.Equal(TestSupport.Phone, person[0].AdaptiveCard()!.Fact("Phone"));
        Assert.Empty(await bot.Harness.SavedStackAsync());
    }

    /// <summary>One whole lookup; returns the coverage card.</summary>
    private static async Task<Newtonsoft.Json.Linq.JObject> LookUpAsync(JourneyBot bot, string serial, string email, string start = "kolla garantin")
    {
        await bot.SayAsync(start);
        await bot.SayAsync(serial);
        var replies = await bot.SayAsync(email);
        return replies[0].AdaptiveCard() ?? throw new Xunit.Sdk.XunitException($"No coverage card: {replies.AllJson()}");
    }

    private static async Task<IReadOnlyList<Activity>> NotFoundRepliesAsync(string serial, string email)
    {
        var bot = Build();
        await bot.SayAsync("kolla garantin");
        await bot.SayAsync(serial);
        return await bot.SayAsync(email);
    }

    /// <summary>What the customer can see or hear of the replies, without ids and timestamps.</summary>
    private static string Visible(IEnumerable<Activity> replies)
        => JsonConvert.SerializeObject(replies.Select(reply => new { reply.Text, reply.Speak, reply.Attachments, Actions = reply.SuggestedTitles() }));
}
