using IqosBot.Dialogs.Benefits;
using IqosBot.Dialogs.Broken;
using IqosBot.Dialogs.Resources;
using IqosBot.Dialogs.Tests.Harness;
using IqosBot.Dialogs.Understanding;
using Microsoft.Bot.Schema;

namespace IqosBot.Dialogs.Tests.Broken;

/// <summary>
/// "It's broken", driven through the main dialog as the bot runs it: the promise, what happens and which model,
/// the guide's steps one at a time, and the claim (serial, e-mail, eligibility, a Swedish address, the receipt),
/// with every refusal and failure the claims API can give. Each scenario runs in Swedish and in English.
/// </summary>
public sealed class BrokenDeviceJourneyTests
{
    private const string Email = FakeBenefitsApi.DemoEmail;
    private const string Iluma = FakeBenefitsApi.RegisteredIluma;

    private static readonly string[] SwedishSymptoms =
    [
        "En lampa lyser eller blinkar rött", "Lamporna blinkar vitt", "Den värmer inte", "Den laddar inte",
        "Den stänger av sig själv", "En sticka sitter fast", "Den har skadats i en olycka",
    ];

    private static readonly string[] EnglishSymptoms =
    [
        "A light is red or blinks red", "The lights blink white", "It doesn't heat", "It doesn't charge",
        "It turns off by itself", "A stick is stuck", "It was damaged in an accident",
    ];

    private static readonly string[] Models =
    [
        "IQOS ILUMA i PRIME", "IQOS ILUMA i", "IQOS ILUMA i ONE", "IQOS ILUMA PRIME", "IQOS ILUMA", "IQOS ILUMA ONE",
        "IQOS 3 DUO", "IQOS 3 MULTI", "IQOS 3",
    ];

    private static readonly string[] SwedishMenu = ["Registrera enhet", "Kolla min garanti", "Ställ en fråga", "Prata med en person"];
    private static readonly string[] EnglishMenu = ["Register a device", "Check my warranty", "Ask a question", "Talk to a person"];

    private const string SwedishHours = "Måndag–fredag 08.00–19.00, lördag–söndag 10.00–18.00";
    private const string EnglishHours = "Monday–Friday 08.00–19.00, Saturday–Sunday 10.00–18.00";

    private static bool IsSv(string language) => language == "sv";

    private static string[] YesNo(string language) => IsSv(language) ? ["Ja", "Nej"] : ["Yes", "No"];

    private static string Yes(string language) => YesNo(language)[0];

    private static string No(string language) => YesNo(language)[1];

    private static string[] Menu(string language) => IsSv(language) ? SwedishMenu : EnglishMenu;

    private static string Hours(string language) => IsSv(language) ? SwedishHours : EnglishHours;

    private static IReadOnlyList<string> Steps(string language, string symptom, string family) => TroubleshootingGuide.Shared.Steps(language, symptom, family);

    private static string StepText(string language, int number, int of, string step)
        => IsSv(language) ? $"Vi provar det här (steg {number} av {of}): {step}" : $"Let's try this (step {number} of {of}): {step}";

    // ---- 1. An ambiguous report: the promise, what is happening, which model ---------------------------------

    [Theory]
    [InlineData("sv", "den är trasig", "En lampa lyser eller blinkar rött")]
    [InlineData("en", "it's broken", "A light is red or blinks red")]
    public async Task An_ambiguous_report_gets_the_promise_then_the_symptoms_then_the_models(string language, string start, string redButton)
    {
        var bot = BrokenBot.Build(language);

        var first = await bot.SayAsync(start);

        Assert.Equal(2, first.Count);
        Assert.Equal(
            IsSv(language)
                ? "Tråkigt att höra att din IQOS krånglar! Är den registrerad får du en ny enhet om felet täcks av garantin – men först ska vi se om vi kan lösa det tillsammans."
                : "Sorry to hear your IQOS is playing up. If it's registered, you get a new device when the defect is covered by the warranty – but first let's see if we can fix it together.",
            first[0].Text);
        Assert.Equal(IsSv(language) ? "Vad är det som händer med den?" : "What's happening with it?", first[1].Text);
        Assert.Equal(IsSv(language) ? SwedishSymptoms : EnglishSymptoms, first[1].SuggestedTitles());

        var model = Assert.Single(await bot.SayAsync(redButton));

        Assert.Equal(IsSv(language) ? "Vilken modell har du? Namnet står på kartongen och på enheten." : "Which model do you have? The name is on the box and on the device.", model.Text);
        Assert.Equal([.. Models, IsSv(language) ? "Vet inte" : "I don't know"], model.SuggestedTitles());

        var step = await bot.SayAsync("IQOS ILUMA");
        var steps = Steps(language, Symptoms.RedLight, Families.Iluma);
        Assert.Equal([StepText(language, 1, 2, steps[0]), bot.T(TextKey.BrokenDidThatHelp)], step.Texts());
        Assert.Empty(bot.Claims.Checks);
    }

    // ---- 2. A symptom and a model in the message: straight to the guide ------------------------------------

    [Theory]
    [InlineData("sv", "min iluma blinkar rött", "Hjälpte det?", "Vad skönt att den fungerar igen! Skriv bara om något annat dyker upp.", "Är det något mer jag kan hjälpa dig med?")]
    [InlineData("en", "my iluma blinks red", "Did that help?", "Great that it works again! Just write if anything else comes up.", "Is there anything else I can help you with?")]
    public async Task A_symptom_with_the_model_goes_straight_to_step_one_and_a_yes_ends_with_no_claim(
        string language, string start, string didThatHelp, string solved, string anythingElse)
    {
        var bot = BrokenBot.Build(language);

        var replies = await bot.SayAsync(start);

        var steps = Steps(language, Symptoms.RedLight, Families.Iluma);
        Assert.Equal(2, steps.Count);
        Assert.Contains("magnet", steps[0], StringComparison.OrdinalIgnoreCase);
        Assert.Equal([bot.T(TextKey.BrokenIntro), StepText(language, 1, 2, steps[0]), didThatHelp], replies.Texts());
        Assert.Equal(YesNo(language), replies[2].SuggestedTitles());

        var stack = await bot.Harness.SavedStackAsync();
        var form = FindForm(stack);
        Assert.Equal(Symptoms.RedLight, form["Symptom"]);
        Assert.Equal("IQOS ILUMA", form["ModelName"]);

        var done = await bot.SayAsync(Yes(language));

        Assert.Equal([solved, anythingElse], done.Texts());
        Assert.Equal(Menu(language), done[1].SuggestedTitles());
        Assert.Empty(bot.Claims.Checks);
        Assert.Empty(bot.Claims.Creates);
        Assert.Empty(await bot.Harness.SavedStackAsync());
    }

    [Theory]
    [InlineData("sv", "jag är i spanien och min iluma blinkar rött", "Eftersom du är utomlands just nu: hjälp med en trasig enhet där får du via International Assistance – kontakta kundtjänst (mejla contact.se@iqos.com) så får du numret. Vi kan ändå försöka felsöka den först.")]
    [InlineData("en", "i'm in spain on holiday and my iluma blinks red", "As you're abroad right now: help with a broken device there comes through International Assistance – contact customer care (e-mail contact.se@iqos.com) to get the number. We can still try to fix it first.")]
    public async Task Abroad_now_International_Assistance_comes_first_then_the_same_steps(string language, string start, string abroad)
    {
        var bot = BrokenBot.Build(language);

        var replies = await bot.SayAsync(start);

        var steps = Steps(language, Symptoms.RedLight, Families.Iluma);
        Assert.Equal([abroad, bot.T(TextKey.BrokenIntro), StepText(language, 1, 2, steps[0]), bot.T(TextKey.BrokenDidThatHelp)], replies.Texts());
    }

    [Theory]
    [InlineData("sv", "Kolla min garanti", "Vilket serienummer", "jag är i spanien och min iluma blinkar rött", "spanien")]
    [InlineData("en", "Check my warranty", "serial number", "i'm in spain on holiday and my iluma blinks red", "spain")]
    public async Task A_report_that_switches_journeys_is_read_into_the_journey_and_not_kept_word_for_word(string language, string menu, string serialQuestion, string start, string word)
    {
        var bot = BrokenBot.Build(language);
        Assert.Contains(serialQuestion, (await bot.SayAsync(menu)).Texts().Last(), StringComparison.Ordinal);

        var switched = await bot.SayAsync(start);

        // The broken-device journey started from the message (International Assistance first: it read "abroad now")...
        Assert.Equal(bot.F(TextKey.BrokenAbroadNow, "contact.se@iqos.com"), switched.Texts()[0]);

        // ...and the saved state keeps what it read, not the customer's words.
        var saved = Newtonsoft.Json.JsonConvert.SerializeObject(await bot.Harness.SavedStackAsync());
        Assert.Contains("\"AbroadNow\":true", saved, StringComparison.Ordinal);
        Assert.DoesNotContain(word, saved, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("sv", "jag är i spanien och min iluma blinkar rött", "Din IQOS ILUMA omfattas. Ersättningen skickas bara inom Sverige, där enheten köptes – någon här hemma kan ta emot den åt dig. Vilken gatuadress ska vi skicka till?")]
    [InlineData("en", "i'm in spain on holiday and my iluma blinks red", "Your IQOS ILUMA is covered. A replacement is only sent within Sweden, the country of purchase – someone there can receive it for you. What's the street address?")]
    public async Task Abroad_now_the_claim_says_the_replacement_goes_to_an_address_in_Sweden(string language, string start, string addressQuestion)
    {
        var bot = BrokenBot.Build(language);
        bot.Claims.Decide(Iluma, ClaimDecision.Eligible, "IQOS ILUMA");
        await bot.SayAsync(start);
        await bot.SayAsync(No(language));
        await bot.SayAsync(No(language));
        await bot.SayAsync("ilu2-m3n4 p5q6");

        var street = Assert.Single(await bot.SayAsync(Email));

        Assert.Equal(addressQuestion, street.Text);
    }

    // ---- 3. Not solved: every step, then the whole claim ---------------------------------------------------

    [Theory]
    [InlineData("sv", "min iluma blinkar rött", "IQOS ILUMA: röd lampa; 2 felsökningssteg provade", "Ärende SE-CLM-0042", "Ersättning inom garantin", "röd lampa")]
    [InlineData("en", "my iluma blinks red", "IQOS ILUMA: red light; 2 troubleshooting steps tried", "Claim SE-CLM-0042", "Replacement under warranty", "red light")]
    public async Task Steps_that_do_not_help_lead_to_a_claim_with_the_diagnosis_and_a_receipt(
        string language, string start, string diagnosis, string title, string kind, string fault)
    {
        var bot = BrokenBot.Build(language);
        bot.Claims.Decide(Iluma, ClaimDecision.Eligible, "IQOS ILUMA");
        var steps = Steps(language, Symptoms.RedLight, Families.Iluma);

        await bot.SayAsync(start);
        var second = await bot.SayAsync(No(language));
        Assert.Equal([StepText(language, 2, 2, steps[1]), bot.T(TextKey.BrokenDidThatHelp)], second.Texts());

        var claim = await bot.SayAsync(No(language));
        Assert.Equal(
            IsSv(language)
                ? ["Tack för att du provade. Då ordnar vi ett ärende om en ersättningsenhet.", "Vilket serienummer har enheten som är trasig? Det står på etiketten på kartongen."]
                : ["Thanks for trying. Then let's get you a replacement through a claim.", "What's the serial number of the broken device? It's on the label on the box."],
            claim.Texts());

        var email = Assert.Single(await bot.SayAsync("ilu2-m3n4 p5q6"));
        Assert.Equal(bot.T(TextKey.BrokenClaimEmailPrompt), email.Text);

        var street = Assert.Single(await bot.SayAsync(Email));
        Assert.Equal(
            IsSv(language)
                ? "Din IQOS ILUMA omfattas. Vart ska vi skicka ersättningen? Börja med gatuadressen."
                : "Your IQOS ILUMA is covered. Where should we send the replacement? First the street address.",
            street.Text);
        Assert.Equal(new ClaimCheck(Iluma, Email, ClaimKind.WarrantyReplacement, DamageKind.None), Assert.Single(bot.Claims.Checks));

        var postcode = Assert.Single(await bot.SayAsync("storgatan 12"));
        Assert.Equal(IsSv(language) ? "Vilket postnummer?" : "What's the postcode?", postcode.Text);

        var badPostcode = Assert.Single(await bot.SayAsync("1234"));
        Assert.Equal(
            IsSv(language) ? "Ett svenskt postnummer har fem siffror, till exempel 123 45." : "A Swedish postcode has five digits, for example 123 45.",
            badPostcode.Text);

        var city = Assert.Single(await bot.SayAsync("12345"));
        Assert.Equal(IsSv(language) ? "Och orten?" : "And the town or city?", city.Text);

        var confirm = Assert.Single(await bot.SayAsync("stockholm"));
        Assert.Equal(
            IsSv(language) ? "Vi skickar den till Storgatan 12, 123 45 Stockholm. Stämmer det?" : "We'll send it to Storgatan 12, 123 45 Stockholm. Is that right?",
            confirm.Text);
        Assert.Equal(YesNo(language), confirm.SuggestedTitles());
        Assert.Empty(bot.Claims.Creates);

        var receipt = await bot.SayAsync(Yes(language));

        var (request, key) = Assert.Single(bot.Claims.Creates);
        Assert.Equal(
            new ClaimRequest(Iluma, Email, ClaimKind.WarrantyReplacement, DamageKind.None, diagnosis, new ShippingAddress("Storgatan 12", "123 45", "Stockholm"), language),
            request);
        Assert.Matches("^[0-9a-f]{32}$", key);

        Assert.Equal(2, receipt.Count);
        var card = receipt[0].AdaptiveCard()!;
        Assert.Contains(title, card.CardStrings());
        Assert.Equal("IQOS ILUMA (ILU2••••P5Q6)", card.Fact(bot.T(TextKey.BrokenReceiptDevice)));
        Assert.Equal(kind, card.Fact(bot.T(TextKey.BrokenReceiptKind)));
        Assert.Equal(fault, card.Fact(bot.T(TextKey.BrokenReceiptFault)));
        Assert.Equal("Storgatan 12, 123 45 Stockholm", card.Fact(bot.T(TextKey.BrokenReceiptAddress)));
        Assert.Contains(bot.T(TextKey.BrokenReceiptNext), card.CardStrings());
        Assert.DoesNotContain(Iluma, receipt.AllJson(), StringComparison.Ordinal);
        Assert.Equal(bot.T(TextKey.AnythingElse), receipt[1].Text);
        Assert.Equal(Menu(language), receipt[1].SuggestedTitles());
        Assert.Empty(await bot.Harness.SavedStackAsync());
    }

    // ---- 4. An accident: the accidental-damage claim ------------------------------------------------------

    [Theory]
    [InlineData("sv", "jag tappade den", "IQOS ILUMA: tappad", "Olycksfallsskydd", "tappad")]
    [InlineData("en", "i dropped it", "IQOS ILUMA: dropped", "Accidental damage claim", "dropped")]
    public async Task A_dropped_device_gets_an_accidental_damage_claim(string language, string start, string diagnosis, string kind, string fault)
    {
        var bot = BrokenBot.Build(language);
        bot.Claims.Decide(Iluma, ClaimDecision.Eligible, "IQOS ILUMA");

        var model = Assert.Single(await bot.SayAsync(start));
        Assert.Equal(bot.T(TextKey.BrokenWhichModel), model.Text);

        var serial = await bot.SayAsync("IQOS ILUMA");
        Assert.Equal(
            IsSv(language)
                ? ["Olycksfallsskyddet kan ersätta den. Jag kollar din enhet.", bot.T(TextKey.BrokenClaimSerialPrompt)]
                : ["Accidental damage cover may replace it. I'll check your device.", bot.T(TextKey.BrokenClaimSerialPrompt)],
            serial.Texts());

        await bot.AnswerAllAsync(Iluma, Email);
        Assert.Equal(new ClaimCheck(Iluma, Email, ClaimKind.AccidentalDamage, DamageKind.Dropped), Assert.Single(bot.Claims.Checks));

        var receipt = await bot.AnswerAllAsync("Storgatan 12", "123 45", "Malmö", Yes(language));

        var (request, _) = Assert.Single(bot.Claims.Creates);
        Assert.Equal(ClaimKind.AccidentalDamage, request.Kind);
        Assert.Equal(DamageKind.Dropped, request.Damage);
        Assert.Equal(diagnosis, request.FaultDescription);
        Assert.Equal(new ShippingAddress("Storgatan 12", "123 45", "Malmö"), request.Address);
        var card = receipt[0].AdaptiveCard()!;
        Assert.Equal(kind, card.Fact(bot.T(TextKey.BrokenReceiptKind)));
        Assert.Equal(fault, card.Fact(bot.T(TextKey.BrokenReceiptFault)));
    }

    // ---- 5. The one accidental-damage claim is used ---------------------------------------------------------

    [Theory]
    [InlineData("sv", "jag tappade den", "Olycksfallsskyddet för din IQOS ILUMA PRIME är redan använt – det gäller ett ärende per enhet. Kundtjänst kan berätta vilka alternativ som finns.", "Vill du prata med en person på kundtjänst?")]
    [InlineData("en", "i dropped it", "The accidental damage cover for your IQOS ILUMA PRIME has already been used – it covers one claim per device. Customer care can tell you what options there are.", "Would you like to talk to a person in customer care?")]
    public async Task A_used_accident_claim_is_refused_honestly_and_a_person_is_offered(string language, string start, string refusal, string offer)
    {
        var bot = BrokenBot.Build(language);
        bot.Claims.Decide(FakeBenefitsApi.ClaimUsedPrime, ClaimDecision.AccidentalClaimUsed, "IQOS ILUMA PRIME");

        var replies = await bot.AnswerAllAsync(start, "IQOS ILUMA PRIME", FakeBenefitsApi.ClaimUsedPrime, Email);

        Assert.Equal([refusal, offer], replies.Texts());
        Assert.Equal(YesNo(language), replies[1].SuggestedTitles());
        Assert.Equal(new ClaimCheck(FakeBenefitsApi.ClaimUsedPrime, Email, ClaimKind.AccidentalDamage, DamageKind.Dropped), Assert.Single(bot.Claims.Checks));

        var handoff = Assert.Single(await bot.SayAsync(Yes(language)));

        // The main dialog starts the way to a person (customer care is open on Thursday at 11); the agent
        // gets the journey's diagnosis, so the customer is not asked to describe it again.
        Assert.StartsWith(bot.F(TextKey.HandoffQueued, 3, 6)[..20], handoff.Text, StringComparison.Ordinal);
        var queued = Assert.Single(bot.People.AgentRequests);
        Assert.Equal(language == "sv" ? "IQOS ILUMA PRIME: tappad" : "IQOS ILUMA PRIME: dropped", queued.Description);
        Assert.Equal(Intents.DeviceReplacement, queued.Intent);
        Assert.Equal(nameof(BrokenDeviceDialog), queued.LastDialog);
        Assert.Empty(bot.Claims.Creates);
    }

    // ---- 6. Warranty expired ----------------------------------------------------------------------------

    [Theory]
    [InlineData("sv", "min iqos är trasig", "Den laddar inte", "Garantin för din IQOS 3 DUO har gått ut, så en kostnadsfri ersättning ingår inte. Kundtjänst kan berätta vilka alternativ som finns.")]
    [InlineData("en", "my iqos is broken", "It doesn't charge", "The warranty for your IQOS 3 DUO has ended, so a free replacement isn't included. Customer care can tell you what options there are.")]
    public async Task An_expired_warranty_is_refused_without_asking_for_an_address(string language, string start, string symptom, string refusal)
    {
        var bot = BrokenBot.Build(language);
        bot.Claims.Decide(FakeBenefitsApi.ExpiredDuo, ClaimDecision.WarrantyExpired, "IQOS 3 DUO");
        Assert.Equal(2, Steps(language, Symptoms.NotCharging, Families.Iqos3).Count);

        var replies = await bot.AnswerAllAsync(start, symptom, "IQOS 3 DUO", No(language), No(language), FakeBenefitsApi.ExpiredDuo, Email);

        Assert.Equal([refusal, bot.T(TextKey.OfferPersonPrompt)], replies.Texts());
        Assert.Equal(new ClaimCheck(FakeBenefitsApi.ExpiredDuo, Email, ClaimKind.WarrantyReplacement, DamageKind.None), Assert.Single(bot.Claims.Checks));
        Assert.DoesNotContain(bot.T(TextKey.BrokenStreetInvalid), replies.AllJson(), StringComparison.Ordinal);

        var menu = Assert.Single(await bot.SayAsync(No(language)));
        Assert.Equal(bot.T(TextKey.AnythingElse), menu.Text);
        Assert.Empty(bot.Claims.Creates);
        Assert.Empty(await bot.Harness.SavedStackAsync());
    }

    // ---- 7. Not registered: register first, with serial and e-mail carried over ----------------------------

    [Theory]
    [InlineData("sv", "min iqos är trasig", "En sticka sitter fast", "Din IQOS ILUMA PRIME är inte registrerad ännu, så det finns inget garantiärende att göra. Först behöver den registreras. Vill du registrera den nu?", "igår")]
    [InlineData("en", "my iqos is broken", "A stick is stuck", "Your IQOS ILUMA PRIME isn't registered yet, so there's no warranty claim to make. Registering comes first. Would you like to register it now?", "yesterday")]
    public async Task An_unregistered_device_is_offered_registration_with_what_was_already_given(string language, string start, string symptom, string notRegistered, string yesterday)
    {
        var bot = BrokenBot.Build(language);
        bot.Claims.Decide(FakeBenefitsApi.UnregisteredPrime, ClaimDecision.NotRegistered, "IQOS ILUMA PRIME");

        // A stuck stick on an ILUMA has no steps to try: straight to the claim.
        var noSteps = await bot.AnswerAllAsync(start, symptom, "IQOS ILUMA PRIME");
        Assert.Equal([bot.T(TextKey.BrokenNoSteps), bot.T(TextKey.BrokenClaimSerialPrompt)], noSteps.Texts());

        var offer = Assert.Single(await bot.AnswerAllAsync(FakeBenefitsApi.UnregisteredPrime, Email));
        Assert.Equal(notRegistered, offer.Text);
        Assert.Equal(YesNo(language), offer.SuggestedTitles());

        var registration = await bot.SayAsync(Yes(language));
        Assert.Equal([bot.T(TextKey.RegIntro), bot.T(TextKey.RegDatePrompt)], registration.Texts());

        // The e-mail is not asked again: the next question is the age.
        var age = Assert.Single(await bot.SayAsync(yesterday));
        Assert.Equal(bot.T(TextKey.RegAgePrompt), age.Text);
        Assert.Empty(bot.Claims.Creates);
    }

    // ---- 8. Liquid damage is excluded ---------------------------------------------------------------------

    [Theory]
    [InlineData("sv", "den blev blöt", "Den typen av skada täcks tyvärr inte av villkoren, så jag kan inte göra ett ersättningsärende. Kundtjänst kan berätta vilka alternativ som finns.")]
    [InlineData("en", "it got wet", "That kind of damage isn't covered by the terms, so I can't make a replacement claim. Customer care can tell you what options there are.")]
    public async Task Liquid_damage_is_refused_as_excluded(string language, string start, string refusal)
    {
        var bot = BrokenBot.Build(language);
        bot.Claims.Decide(Iluma, ClaimDecision.DamageExcluded, "IQOS ILUMA");

        var replies = await bot.AnswerAllAsync(start, "IQOS ILUMA", Iluma, Email);

        Assert.Equal([refusal, bot.T(TextKey.OfferPersonPrompt)], replies.Texts());
        Assert.Equal(new ClaimCheck(Iluma, Email, ClaimKind.AccidentalDamage, DamageKind.Liquid), Assert.Single(bot.Claims.Checks));
        Assert.Empty(bot.Claims.Creates);
    }

    // ---- 9. The API fails ---------------------------------------------------------------------------------

    [Theory]
    [InlineData("sv", "Förlåt, jag kunde inte skapa ärendet just nu. Dina uppgifter finns kvar – ska jag försöka igen?", "Försök igen", "Prata med en person", "Inte nu")]
    [InlineData("en", "Sorry, I couldn't create the claim just now. Your answers are kept – shall I try again?", "Try again", "Talk to a person", "Not now")]
    public async Task A_create_that_fails_keeps_the_answers_and_offers_to_try_again(string language, string apology, string retry, string person, string notNow)
    {
        var bot = BrokenBot.Build(language);
        bot.Claims.Decide(Iluma, ClaimDecision.Eligible, "IQOS ILUMA");
        bot.Claims.CreateResults.Enqueue(new ClaimResult(ClaimStatus.Unavailable));

        var replies = await FillClaimAsync(bot, language);

        Assert.Equal([apology], replies.Texts());
        Assert.Equal([retry, person, notNow], replies.Last().SuggestedActions.Actions.Select(action => action.Title));
        Assert.All(replies, reply => Assert.Null(reply.AdaptiveCard()));
        Assert.Single(bot.Claims.Creates);
    }

    [Theory]
    [InlineData("sv", "Förlåt, jag når inte vårt kundsystem just nu. Försök igen om en stund, eller ring kundtjänst på 020-25 10 10 ({0}).")]
    [InlineData("en", "Sorry, I can't reach our customer system right now. Please try again in a while, or call customer care on 020-25 10 10 ({0}).")]
    public async Task An_eligibility_check_that_fails_gets_the_api_apology_and_no_address_question(string language, string apology)
    {
        var bot = BrokenBot.Build(language);
        bot.Claims.CheckUnavailable = true;

        var replies = await bot.AnswerAllAsync(IsSv(language) ? "min iluma blinkar rött" : "my iluma blinks red", No(language), No(language), Iluma, Email);

        Assert.Equal([string.Format(System.Globalization.CultureInfo.InvariantCulture, apology, Hours(language)), bot.T(TextKey.OfferPersonPrompt)], replies.Texts());
        Assert.Single(bot.Claims.Checks);
        Assert.Empty(bot.Claims.Creates);
    }

    [Theory]
    [InlineData("sv")]
    [InlineData("en")]
    public async Task A_create_refused_by_the_api_is_told_as_that_refusal(string language)
    {
        var bot = BrokenBot.Build(language);
        bot.Claims.Decide(Iluma, ClaimDecision.Eligible, "IQOS ILUMA");
        bot.Claims.CreateResults.Enqueue(new ClaimResult(ClaimStatus.Refused, RefusedBecause: ClaimDecision.WarrantyExpired));

        var replies = await FillClaimAsync(bot, language);

        Assert.Equal([bot.F(TextKey.BrokenWarrantyExpired, "IQOS ILUMA"), bot.T(TextKey.OfferPersonPrompt)], replies.Texts());
        Assert.Single(bot.Claims.Creates);
    }

    // ---- 10. The address corrected; the idempotency key --------------------------------------------------

    [Theory]
    [InlineData("sv", "Okej, vi tar adressen igen. Vilken gatuadress?", "Vi skickar den till Lillgatan 3, 411 01 Göteborg. Stämmer det?")]
    [InlineData("en", "OK, let's take the address again. The street address?", "We'll send it to Lillgatan 3, 411 01 Göteborg. Is that right?")]
    public async Task A_no_at_the_confirmation_asks_the_address_again_and_creates_once_with_the_new_one(string language, string again, string confirm)
    {
        var bot = BrokenBot.Build(language);
        bot.Claims.Decide(Iluma, ClaimDecision.Eligible, "IQOS ILUMA");

        await bot.AnswerAllAsync(IsSv(language) ? "min iluma blinkar rött" : "my iluma blinks red", No(language), No(language), Iluma, Email, "Storgatan 12", "12345", "Stockholm");
        var street = Assert.Single(await bot.SayAsync(No(language)));
        Assert.Equal(again, street.Text);
        Assert.Empty(bot.Claims.Creates);

        var confirmation = Assert.Single(await bot.AnswerAllAsync("lillgatan 3", "SE-411 01", "göteborg"));
        Assert.Equal(confirm, confirmation.Text);
        await bot.SayAsync(Yes(language));

        var (request, _) = Assert.Single(bot.Claims.Creates);
        Assert.Equal(new ShippingAddress("Lillgatan 3", "411 01", "Göteborg"), request.Address);
        Assert.Single(bot.Claims.Checks);
    }

    [Fact]
    public async Task A_yes_sent_again_after_a_lost_turn_reuses_the_idempotency_key()
    {
        var bot = BrokenBot.Build();
        bot.Claims.Decide(Iluma, ClaimDecision.Eligible, "IQOS ILUMA");
        await bot.AnswerAllAsync("min iluma blinkar rött", "Nej", "Nej", Iluma, Email, "Storgatan 12", "12345", "Stockholm");
        bot.Claims.CrashAfterNextCreate = true;

        // The API made the claim, but the bot died before it replied or saved the conversation; the customer sends "ja" again.
        await Assert.ThrowsAsync<SimulatedCrashException>(() => bot.Harness.SendAsync("Ja"));
        bot.Harness.Restart();
        var receipt = await bot.SayAsync("Ja");

        Assert.NotNull(receipt[0].AdaptiveCard());
        Assert.Equal(2, bot.Claims.Creates.Count);
        Assert.Equal(bot.Claims.Creates[0].Request, bot.Claims.Creates[1].Request);
        Assert.Equal(bot.Claims.Creates[0].IdempotencyKey, bot.Claims.Creates[1].IdempotencyKey);
    }

    [Fact]
    public async Task Trying_again_after_a_failed_create_sends_the_same_claim_with_the_same_key_and_ends_in_the_receipt()
    {
        var bot = BrokenBot.Build();
        bot.Claims.Decide(Iluma, ClaimDecision.Eligible, "IQOS ILUMA");
        bot.Claims.CreateResults.Enqueue(new ClaimResult(ClaimStatus.Unavailable));
        await FillClaimAsync(bot, "sv");

        var receipt = await bot.SayAsync("Försök igen");

        Assert.NotNull(receipt[0].AdaptiveCard());
        Assert.Equal(2, bot.Claims.Creates.Count);
        Assert.Equal(bot.Claims.Creates[0], bot.Claims.Creates[1]);
    }

    [Fact]
    public async Task A_failed_create_can_go_to_a_person_with_the_diagnosis()
    {
        var bot = BrokenBot.Build();
        bot.Claims.Decide(Iluma, ClaimDecision.Eligible, "IQOS ILUMA");
        bot.Claims.CreateResults.Enqueue(new ClaimResult(ClaimStatus.Unavailable));
        await FillClaimAsync(bot, "sv");

        await bot.SayAsync("Prata med en person");

        var request = Assert.Single(bot.People.AgentRequests);
        Assert.StartsWith("IQOS ILUMA: röd lampa", request.Description, StringComparison.Ordinal);
        Assert.Equal(nameof(BrokenDeviceDialog), request.LastDialog);
        Assert.Single(bot.Claims.Creates);
    }

    [Fact]
    public async Task Not_now_after_a_failed_create_ends_with_the_menu_and_nothing_more_is_sent()
    {
        var bot = BrokenBot.Build();
        bot.Claims.Decide(Iluma, ClaimDecision.Eligible, "IQOS ILUMA");
        bot.Claims.CreateResults.Enqueue(new ClaimResult(ClaimStatus.Unavailable));
        await FillClaimAsync(bot, "sv");

        var replies = await bot.SayAsync("Inte nu");

        Assert.Equal("Okej. Inget mer har skickats. Välkommen att försöka igen senare.", replies[0].Text);
        Assert.Single(bot.Claims.Creates);
        Assert.Empty(await bot.Harness.SavedStackAsync());
    }

    // ---- 11. Claims made by agents -----------------------------------------------------------------------

    [Theory]
    [InlineData("sv", "min iluma blinkar rött", "Jag lämnar över det här till en kollega på kundtjänst, tillsammans med det vi har kommit fram till.", "IQOS ILUMA: röd lampa; 2 felsökningssteg provade")]
    [InlineData("en", "my iluma blinks red", "I'll pass this on to a colleague in customer care together with what we've found out.", "IQOS ILUMA: red light; 2 troubleshooting steps tried")]
    public async Task With_claims_to_agents_the_journey_hands_over_with_its_diagnosis(string language, string start, string toAgents, string diagnosis)
    {
        var bot = BrokenBot.Build(language, claimsToAgents: true);

        await bot.SayAsync(start);
        await bot.SayAsync(No(language));
        var replies = await bot.SayAsync(No(language));

        Assert.Equal([bot.T(TextKey.BrokenNotSolved), toAgents, bot.F(TextKey.HandoffQueued, 3, 6)], replies.Texts());
        Assert.DoesNotContain(bot.T(TextKey.HandoffDescribePrompt), replies.AllJson(), StringComparison.Ordinal);
        var request = Assert.Single(bot.People.AgentRequests);
        Assert.Equal(diagnosis, request.Description);
        Assert.Equal(language, request.Language);
        Assert.Equal(nameof(BrokenDeviceDialog), request.LastDialog);
        Assert.Equal(Intents.Troubleshooting, request.Intent);
        Assert.Empty(bot.Claims.Checks);
        Assert.Empty(bot.Claims.Creates);
    }

    // ---- 12. Cancel and restart ---------------------------------------------------------------------------

    [Theory]
    [InlineData("sv", "avbryt", 0)]
    [InlineData("sv", "avbryt", 2)]
    [InlineData("sv", "avbryt", 5)]
    [InlineData("en", "cancel", 2)]
    [InlineData("en", "cancel", 5)]
    public async Task Cancel_mid_claim_ends_with_nothing_created(string language, string cancel, int answered)
    {
        var bot = BrokenBot.Build(language);
        bot.Claims.Decide(Iluma, ClaimDecision.Eligible, "IQOS ILUMA");
        await bot.AnswerAllAsync(IsSv(language) ? "min iluma blinkar rött" : "my iluma blinks red", No(language), No(language));
        await bot.AnswerAllAsync(new[] { Iluma, Email, "Storgatan 12", "12345", "Stockholm" }.Take(answered).ToArray());

        var replies = await bot.SayAsync(cancel);

        // Said plainly: no claim was filed, and the menu to go on with.
        Assert.Equal([bot.T(TextKey.InterruptionCancelled) + " " + bot.T(TextKey.LeaveClaim), bot.T(TextKey.AnythingElse)], replies.Texts());
        Assert.Empty(await bot.Harness.SavedStackAsync());
        Assert.Empty(bot.Claims.Creates);

        // "ja" afterwards confirms nothing.
        await bot.SayAsync(Yes(language));
        Assert.Empty(bot.Claims.Creates);
    }

    [Theory]
    [InlineData("sv")]
    [InlineData("en")]
    public async Task A_restart_mid_journey_resumes_at_the_same_question(string language)
    {
        var bot = BrokenBot.Build(language);
        bot.Claims.Decide(Iluma, ClaimDecision.Eligible, "IQOS ILUMA");
        await bot.AnswerAllAsync(IsSv(language) ? "min iluma blinkar rött" : "my iluma blinks red", No(language));

        // Between step 2 and its answer.
        bot.Harness.Restart();
        var claim = await bot.SayAsync(No(language));
        Assert.Equal([bot.T(TextKey.BrokenNotSolved), bot.T(TextKey.BrokenClaimSerialPrompt)], claim.Texts());

        await bot.AnswerAllAsync(Iluma, Email, "Storgatan 12");

        // Between the postcode question and its answer: a bad postcode is still re-asked, a good one goes on.
        bot.Harness.Restart();
        Assert.Equal(bot.T(TextKey.BrokenPostcodeInvalid), Assert.Single(await bot.SayAsync("1234")).Text);
        bot.Harness.Restart();
        Assert.Equal(bot.T(TextKey.BrokenCityPrompt), Assert.Single(await bot.SayAsync("12345")).Text);
        await bot.SayAsync("Stockholm");
        bot.Harness.Restart();
        var receipt = await bot.SayAsync(Yes(language));

        Assert.NotNull(receipt[0].AdaptiveCard());
        var (request, _) = Assert.Single(bot.Claims.Creates);
        Assert.Equal(new ShippingAddress("Storgatan 12", "123 45", "Stockholm"), request.Address);
        Assert.Equal(IsSv(language) ? "IQOS ILUMA: röd lampa; 2 felsökningssteg provade" : "IQOS ILUMA: red light; 2 troubleshooting steps tried", request.FaultDescription);
    }

    // ---- A question about replacement is not a report --------------------------------------------------

    [Theory]
    [InlineData("sv", "hur fungerar ersättning?")]
    [InlineData("en", "how does replacement work?")]
    public async Task A_question_about_how_replacement_works_gets_the_faq_answer_not_the_journey(string language, string question)
    {
        var bot = BrokenBot.Build(language);

        var replies = await bot.SayAsync(question);

        Assert.DoesNotContain(bot.T(TextKey.BrokenIntro), replies.AllJson(), StringComparison.Ordinal);
        Assert.DoesNotContain(bot.T(TextKey.BrokenWhatHappened), replies.AllJson(), StringComparison.Ordinal);
        Assert.NotEmpty(replies);
        Assert.DoesNotContain(await bot.Harness.SavedStackAsync(), instance => instance.Id == nameof(BrokenDeviceDialog));
    }

    // ---- More ways through ------------------------------------------------------------------------------

    [Theory]
    [InlineData("sv", "Vet inte")]
    [InlineData("en", "I don't know")]
    public async Task An_unknown_model_goes_to_the_claim_and_the_receipt_says_IQOS(string language, string unknown)
    {
        var bot = BrokenBot.Build(language);
        bot.Claims.Decide(Iluma, ClaimDecision.Eligible);

        var replies = await bot.AnswerAllAsync(IsSv(language) ? "min iqos är trasig" : "my iqos is broken", bot.T(TextKey.BrokenNotHeating), unknown);
        Assert.Equal([bot.T(TextKey.BrokenNoSteps), bot.T(TextKey.BrokenClaimSerialPrompt)], replies.Texts());

        var street = Assert.Single(await bot.AnswerAllAsync(Iluma, Email));
        Assert.Equal(bot.F(TextKey.BrokenEligible, "IQOS"), street.Text);
        var receipt = await bot.AnswerAllAsync("Storgatan 12", "12345", "Stockholm", Yes(language));

        var (request, _) = Assert.Single(bot.Claims.Creates);
        Assert.StartsWith("IQOS: ", request.FaultDescription, StringComparison.Ordinal);
        Assert.Equal("IQOS (ILU2••••P5Q6)", receipt[0].AdaptiveCard()!.Fact(bot.T(TextKey.BrokenReceiptDevice)));
    }

    [Theory]
    [InlineData("sv", "Den har skadats i en olycka", "Vad hände med den?", "Den har spruckit")]
    [InlineData("en", "It was damaged in an accident", "What happened to it?", "It cracked")]
    public async Task The_accident_button_asks_what_happened_and_claims_for_that_damage(string language, string accident, string whatHappened, string cracked)
    {
        var bot = BrokenBot.Build(language);
        bot.Claims.Decide(Iluma, ClaimDecision.Eligible, "IQOS ILUMA");

        await bot.SayAsync(IsSv(language) ? "den är trasig" : "it's broken");
        var kind = Assert.Single(await bot.SayAsync(accident));
        Assert.Equal(whatHappened, kind.Text);
        Assert.Equal(
            IsSv(language) ? ["Jag tappade den", "Den blev blöt", "Den har spruckit", "Något annat"] : ["I dropped it", "It got wet", "It cracked", "Something else"],
            kind.SuggestedTitles());

        Assert.Equal(bot.T(TextKey.BrokenWhichModel), Assert.Single(await bot.SayAsync(cracked)).Text);
        await bot.AnswerAllAsync("IQOS ILUMA", Iluma, Email);

        Assert.Equal(new ClaimCheck(Iluma, Email, ClaimKind.AccidentalDamage, DamageKind.Cracked), Assert.Single(bot.Claims.Checks));
    }

    [Theory]
    [InlineData("sv", "den laddar inte", "min prime")]
    [InlineData("en", "it won't charge", "my prime")]
    public async Task Typed_answers_to_the_symptom_and_model_questions_are_understood(string language, string symptom, string model)
    {
        var bot = BrokenBot.Build(language);

        await bot.AnswerAllAsync(IsSv(language) ? "den är trasig" : "it's broken", symptom);
        var replies = await bot.SayAsync(model);

        var steps = Steps(language, Symptoms.NotCharging, Families.Iluma);
        Assert.Equal([StepText(language, 1, steps.Count, steps[0]), bot.T(TextKey.BrokenDidThatHelp)], replies.Texts());
        var form = FindForm(await bot.Harness.SavedStackAsync());
        Assert.Equal(Symptoms.NotCharging, form["Symptom"]);
        Assert.Equal("IQOS ILUMA PRIME", form["ModelName"]);
    }

    [Theory]
    [InlineData("sv")]
    [InlineData("en")]
    public async Task An_unknown_serial_or_email_says_so_and_shows_the_menu(string language)
    {
        var bot = BrokenBot.Build(language);

        var replies = await bot.AnswerAllAsync(IsSv(language) ? "min iluma blinkar rött" : "my iluma blinks red", No(language), No(language), FakeBenefitsApi.OtherAccountIluma, Email);

        Assert.Equal([bot.T(TextKey.WarNotFound), bot.T(TextKey.AnythingElse)], replies.Texts());
        Assert.Equal(Menu(language), replies[1].SuggestedTitles());
        Assert.Empty(bot.Claims.Creates);
        Assert.Empty(await bot.Harness.SavedStackAsync());
    }

    [Theory]
    [InlineData("sv", "hjälp")]
    [InlineData("en", "help")]
    public async Task Help_mid_claim_explains_and_asks_the_same_question_again(string language, string help)
    {
        var bot = BrokenBot.Build(language);
        await bot.AnswerAllAsync(IsSv(language) ? "min iluma blinkar rött" : "my iluma blinks red", No(language), No(language));

        var replies = await bot.SayAsync(help);

        Assert.Equal([bot.T(TextKey.BrokenHelp), bot.T(TextKey.BrokenClaimSerialPrompt)], replies.Texts());
    }

    [Fact]
    public async Task Too_many_lookups_stop_the_check_before_the_api_is_asked()
    {
        var bot = BrokenBot.Build();
        for (var i = 0; i < 5; i++)
        {
            await bot.AnswerAllAsync("min iluma blinkar rött", "Nej", "Nej", FakeBenefitsApi.OtherAccountIluma, Email);
        }

        var replies = await bot.AnswerAllAsync("min iluma blinkar rött", "Nej", "Nej", FakeBenefitsApi.OtherAccountIluma, Email);

        Assert.Equal(5, bot.Claims.Checks.Count);
        Assert.Contains(bot.T(TextKey.WarTooManyLookups), replies.AllJson(), StringComparison.Ordinal);
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    /// <summary>From the red-light report to the confirmed address; returns the replies to the "yes".</summary>
    private static Task<IReadOnlyList<Activity>> FillClaimAsync(BrokenBot bot, string language)
        => bot.AnswerAllAsync(
            IsSv(language) ? "min iluma blinkar rött" : "my iluma blinks red", No(language), No(language), Iluma, Email, "Storgatan 12", "12345", "Stockholm", Yes(language));

    /// <summary>The broken-device form as saved in the dialog state, read as its JSON properties.</summary>
    private static Newtonsoft.Json.Linq.JObject FindForm(List<IqosBot.Dialogs.Engine.DialogInstance> stack)
    {
        var json = Newtonsoft.Json.JsonConvert.SerializeObject(stack);
        var token = Newtonsoft.Json.Linq.JToken.Parse(json).SelectTokens("$..Symptom").First();
        return (Newtonsoft.Json.Linq.JObject)token.Parent!.Parent!;
    }
}
