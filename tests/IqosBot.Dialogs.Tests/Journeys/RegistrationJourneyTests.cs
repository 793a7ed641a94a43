using IqosBot.Dialogs.Benefits;
using IqosBot.Dialogs.Resources;
using IqosBot.Dialogs.Tests.Harness;
using Microsoft.Bot.Schema;
using static IqosBot.Dialogs.Tests.Journeys.JourneyBot;

namespace IqosBot.Dialogs.Tests.Journeys;

/// <summary>
/// Registering a device from the main dialog: serial, purchase date, e-mail, age, consent, summary card,
/// benefits API. Today is Thursday 26 November 2026 in Stockholm.
/// </summary>
public sealed class RegistrationJourneyTests
{
    private static readonly string[] SwedishYesNo = ["Ja", "Nej"];
    private static readonly string[] SwedishMenu = ["Registrera enhet", "Kolla min garanti", "Ställ en fråga", "Prata med en person"];
    private const string SwedishHours = "Måndag–fredag 08.00–19.00, lördag–söndag 10.00–18.00";

    // ---- The happy path -------------------------------------------------------------------------------------

    [Fact]
    public async Task Each_question_is_asked_in_turn_in_swedish()
    {
        var bot = Build();

        var start = await bot.SayAsync("registrera min enhet");
        var date = Assert.Single(await bot.SayAsync("ilp1-a2b3 c4d5"));
        var email = Assert.Single(await bot.SayAsync("igår"));
        var age = Assert.Single(await bot.SayAsync("anna.svensson@example.com"));
        var consent = Assert.Single(await bot.SayAsync("ja"));

        Assert.Equal([Sv(TextKey.RegIntro), Sv(TextKey.RegSerialPrompt)], start.Texts());
        Assert.Equal(Sv(TextKey.RegDatePrompt), date.Text);
        Assert.Equal(Sv(TextKey.RegEmailPrompt), email.Text);
        Assert.Equal("Är du 18 år eller äldre?", age.Text);
        Assert.Equal(SwedishYesNo, age.SuggestedTitles());
        Assert.Equal(Sv(TextKey.RegConsentPrompt), consent.Text);
        Assert.Equal(SwedishYesNo, consent.SuggestedTitles());
    }

    [Fact]
    public async Task The_summary_card_masks_serial_and_email_and_shows_no_consent()
    {
        var bot = Build();

        var summary = await bot.FillRegistrationAsync(serial: "ilp1-a2b3 c4d5", consent: "nej");

        var card = summary.AdaptiveCard()!;
        Assert.Contains("Stämmer det här?", card.CardStrings());
        Assert.Equal("ILP1••••C4D5", card.Fact("Serienummer"));
        Assert.Equal("25 november 2026", card.Fact("Köpdatum"));
        Assert.Equal("a•••n@example.com", card.Fact("E-post"));
        Assert.Equal("Nej", card.Fact("Nyheter och erbjudanden"));
        Assert.Equal(["Registrera", "Ändra serienummer", "Ändra köpdatum", "Ändra e-post", "Ändra nyhetsval"], ActionTitles(card));
        Assert.DoesNotContain("ILP1A2B3C4D5", new[] { summary }.AllJson(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("anna.svensson", new[] { summary }.AllJson(), StringComparison.OrdinalIgnoreCase);
        Assert.Empty(bot.Api.Registrations);
    }

    [Fact]
    public async Task Confirming_registers_the_device_and_shows_the_receipt_with_the_apis_dates()
    {
        var bot = Build();
        await bot.FillRegistrationAsync(serial: "ilp1-a2b3 c4d5");

        var receipt = Receipt(await bot.PressAsync("confirm"));

        var call = Assert.Single(bot.Api.Registrations);
        Assert.Equal(new DeviceRegistration("ILP1A2B3C4D5", "anna.svensson@example.com", new DateOnly(2026, 11, 25), false, "sv"), call.Registration);
        var card = receipt.AdaptiveCard()!;
        Assert.Contains("Klart! Din IQOS är registrerad", card.CardStrings());
        Assert.Equal("IQOS ILUMA PRIME", card.Fact("Modell"));
        Assert.Equal("25 november 2026", card.Fact("Köpt"));
        Assert.Equal("25 november 2027", card.Fact("Garanti t.o.m."));
        Assert.Equal("25 november 2027", card.Fact("Förmånsprogram t.o.m."));
        Assert.Equal("26 november 2027, ärendet är inte använt", card.Fact("Olycksfallsskydd t.o.m."));
        Assert.Equal("59 dagar kvar (t.o.m. 24 januari 2027)", card.Fact("Pengarna tillbaka"));

        // A new e-mail address: the API created an account that is waiting to be activated.
        Assert.Contains(Sv(TextKey.RegReceiptBenefits) + " " + Sv(TextKey.RegPendingActivation), card.CardStrings());
        Assert.Equal("anna.svensson@example.com", bot.Api.RegisteredTo("ILP1A2B3C4D5"));
        Assert.Empty(await bot.Harness.SavedStackAsync());
        Assert.DoesNotContain("anna.svensson", bot.StoredJson(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_existing_account_gets_no_activation_note()
    {
        var bot = Build();
        await bot.FillRegistrationAsync(serial: FakeBenefitsApi.UnregisteredOne, email: FakeBenefitsApi.DemoEmail);

        var card = Receipt(await bot.PressAsync("confirm")).AdaptiveCard()!;

        Assert.Equal("IQOS ILUMA ONE", card.Fact("Modell"));
        Assert.Contains(Sv(TextKey.RegReceiptBenefits), card.CardStrings());
        Assert.DoesNotContain(card.CardStrings(), text => text.Contains(Sv(TextKey.RegPendingActivation), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_device_already_on_the_customers_account_says_so_with_its_coverage()
    {
        var bot = Build();
        await bot.FillRegistrationAsync(serial: FakeBenefitsApi.RegisteredIluma, email: FakeBenefitsApi.DemoEmail);

        var card = Receipt(await bot.PressAsync("confirm")).AdaptiveCard()!;

        Assert.Contains(Sv(TextKey.RegAlreadyTitle), card.CardStrings());
        Assert.Equal("26 april 2026", card.Fact("Köpt"));
    }

    [Theory]
    [InlineData("igår", 2026, 11, 25, "25 november 2026")]
    [InlineData("15 mars", 2026, 3, 15, "15 mars 2026")]
    [InlineData("last Friday", 2026, 11, 20, "20 november 2026")]
    public async Task The_purchase_date_is_read_from_the_customers_words(string answer, int year, int month, int day, string shown)
    {
        var bot = Build();

        var summary = await bot.FillRegistrationAsync(date: answer);
        await bot.PressAsync("confirm");

        Assert.Equal(shown, summary.AdaptiveCard()!.Fact("Köpdatum"));
        Assert.Equal(new DateOnly(year, month, day), Assert.Single(bot.Api.Registrations).Registration.PurchaseDate);
    }

    [Theory]
    [InlineData("registrera")]
    [InlineData("Registrera")]
    [InlineData("1")]
    public async Task Typing_the_confirm_button_or_its_number_works_like_pressing_it(string typed)
    {
        var bot = Build();
        await bot.FillRegistrationAsync();

        var receipt = Receipt(await bot.SayAsync(typed));

        Assert.Contains("Klart! Din IQOS är registrerad", receipt.AdaptiveCard()!.CardStrings());
        Assert.Single(bot.Api.Registrations);
    }

    [Fact]
    public async Task Registration_runs_in_english_for_an_english_customer()
    {
        var bot = Build();

        var start = await bot.SayAsync("register my device");
        var date = Assert.Single(await bot.SayAsync(FakeBenefitsApi.UnregisteredOne));
        var email = Assert.Single(await bot.SayAsync("last Friday"));
        var age = Assert.Single(await bot.SayAsync("john.smith@example.com"));
        var consent = Assert.Single(await bot.SayAsync("yes"));
        var summary = Assert.Single(await bot.SayAsync("no"));
        var receipt = Receipt(await bot.PressAsync("confirm"));

        Assert.Equal([En(TextKey.RegIntro), En(TextKey.RegSerialPrompt)], start.Texts());
        Assert.Equal(En(TextKey.RegDatePrompt), date.Text);
        Assert.Equal(En(TextKey.RegEmailPrompt), email.Text);
        Assert.Equal("Are you 18 or older?", age.Text);
        Assert.Equal(["Yes", "No"], age.SuggestedTitles());
        Assert.Equal(En(TextKey.RegConsentPrompt), consent.Text);

        var facts = summary.AdaptiveCard()!;
        Assert.Equal("ILO7••••J4K3", facts.Fact("Serial number"));
        Assert.Equal("20 November 2026", facts.Fact("Purchase date"));
        Assert.Equal("j•••h@example.com", facts.Fact("E-mail"));
        Assert.Equal("No", facts.Fact("News and offers"));
        Assert.Equal(["Register", "Change serial number", "Change purchase date", "Change e-mail", "Change news choice"], ActionTitles(facts));

        var card = receipt.AdaptiveCard()!;
        Assert.Contains("Done! Your IQOS is registered", card.CardStrings());
        Assert.Equal("IQOS ILUMA ONE", card.Fact("Model"));
        Assert.Equal("20 November 2026", card.Fact("Purchased"));
        Assert.Equal("20 November 2027", card.Fact("Warranty until"));
        Assert.Equal("20 November 2027", card.Fact("Benefit programme until"));
        Assert.Equal("26 November 2027, claim not used", card.Fact("Accidental damage cover until"));
        Assert.Equal("54 days left (until 19 January 2027)", card.Fact("Money-back guarantee"));
        Assert.Contains(En(TextKey.RegReceiptBenefits) + " " + En(TextKey.RegPendingActivation), card.CardStrings());
        Assert.Equal(new DeviceRegistration("ILO7G6H5J4K3", "john.smith@example.com", new DateOnly(2026, 11, 20), false, "en"), Assert.Single(bot.Api.Registrations).Registration);
    }

    [Fact]
    public async Task Where_cards_do_not_show_the_summary_and_receipt_are_text_and_numbers_answer()
    {
        var bot = Build(channelId: "sms");

        var age = await bot.AnswerAllAsync("registrera min enhet", FakeBenefitsApi.UnregisteredPrime, "igår", "anna.svensson@example.com");
        var summary = await bot.AnswerAllAsync("1", "2");
        var receipt = Receipt(await bot.SayAsync("1"));

        Assert.Equal("Är du 18 år eller äldre?\n1. Ja\n2. Nej", age.Text);
        Assert.Equal(
            "Stämmer det här?\nSerienummer: ILP1••••C4D5\nKöpdatum: 25 november 2026\nE-post: a•••n@example.com\nNyheter och erbjudanden: Nej\n"
            + "1. Registrera\n2. Ändra serienummer\n3. Ändra köpdatum\n4. Ändra e-post\n5. Ändra nyhetsval",
            summary.Text);
        Assert.StartsWith("Klart! Din IQOS är registrerad\n\nModell: IQOS ILUMA PRIME\nKöpt: 25 november 2026\n", receipt.Text, StringComparison.Ordinal);
        Assert.Contains("Pengarna tillbaka: 59 dagar kvar (t.o.m. 24 januari 2027)", receipt.Text, StringComparison.Ordinal);
        Assert.Equal(new DeviceRegistration("ILP1A2B3C4D5", "anna.svensson@example.com", new DateOnly(2026, 11, 25), false, "sv"), Assert.Single(bot.Api.Registrations).Registration);
    }

    // ---- Corrections from the summary -----------------------------------------------------------------------

    [Fact]
    public async Task Changing_the_email_asks_only_for_the_email_and_returns_to_the_summary()
    {
        var bot = Build();
        await bot.FillRegistrationAsync(email: "anna.svensson@example.com");

        var question = Assert.Single(await bot.PressAsync("change-email"));
        var summary = Assert.Single(await bot.SayAsync("anna.s@example.se"));
        await bot.PressAsync("confirm");

        Assert.Equal(Sv(TextKey.RegEmailPrompt), question.Text);
        var card = summary.AdaptiveCard()!;
        Assert.Equal("a•••s@example.se", card.Fact("E-post"));
        Assert.Equal("ILP1••••C4D5", card.Fact("Serienummer"));
        Assert.Equal("25 november 2026", card.Fact("Köpdatum"));
        Assert.Equal("Nej", card.Fact("Nyheter och erbjudanden"));
        Assert.Equal("anna.s@example.se", Assert.Single(bot.Api.Registrations).Registration.Email);
    }

    [Fact]
    public async Task Changing_the_date_by_typing_the_button_asks_only_for_the_date()
    {
        var bot = Build();
        await bot.FillRegistrationAsync(date: "igår");

        var question = Assert.Single(await bot.SayAsync("Ändra köpdatum"));
        var summary = Assert.Single(await bot.SayAsync("15 mars"));

        Assert.Equal(Sv(TextKey.RegDatePrompt), question.Text);
        Assert.Equal("15 mars 2026", summary.AdaptiveCard()!.Fact("Köpdatum"));
        Assert.Equal("a•••n@example.com", summary.AdaptiveCard()!.Fact("E-post"));
    }

    [Fact]
    public async Task Changing_the_news_choice_asks_only_for_consent()
    {
        var bot = Build();
        await bot.FillRegistrationAsync(consent: "nej");

        var question = Assert.Single(await bot.PressAsync("change-consent"));
        var summary = Assert.Single(await bot.SayAsync("ja"));
        await bot.PressAsync("confirm");

        Assert.Equal(Sv(TextKey.RegConsentPrompt), question.Text);
        Assert.Equal("Ja", summary.AdaptiveCard()!.Fact("Nyheter och erbjudanden"));
        Assert.True(Assert.Single(bot.Api.Registrations).Registration.MarketingConsent);
    }

    // ---- Serial number problems -----------------------------------------------------------------------------

    [Fact]
    public async Task An_unknown_serial_is_caught_when_given_and_the_right_one_goes_on_to_the_date()
    {
        var bot = Build();
        await bot.SayAsync("registrera min enhet");

        var unknown = await bot.SayAsync("ILX0X1X2X3X4");
        var next = Assert.Single(await bot.SayAsync("förlåt, den rätta är " + FakeBenefitsApi.UnregisteredPrime));
        var summary = await bot.AnswerAllAsync("igår", "anna.svensson@example.com", "ja", "nej");
        var receipt = Receipt(await bot.PressAsync("confirm"));

        Assert.Equal([Sv(TextKey.RegUnknownSerial)], unknown.Texts());
        Assert.Equal(Sv(TextKey.RegDatePrompt), next.Text);
        Assert.Equal(["ILX0X1X2X3X4", "ILP1A2B3C4D5"], bot.Api.SerialChecks);
        Assert.Equal("ILP1••••C4D5", summary.AdaptiveCard()!.Fact("Serienummer"));
        Assert.Contains("Klart! Din IQOS är registrerad", receipt.AdaptiveCard()!.CardStrings());
        Assert.Equal(["ILP1A2B3C4D5"], bot.Api.Registrations.Select(call => call.Registration.Serial));
    }

    [Fact]
    public async Task A_serial_the_api_rejects_at_registration_is_asked_again_with_the_hint_and_the_other_answers_are_kept()
    {
        var bot = Build();

        // The API could not be asked when the serial was given: it is taken, and the registration call has the last word.
        bot.Api.Unavailable = true;
        await bot.SayAsync("registrera min enhet");
        await bot.SayAsync("ILX0X1X2X3X4");
        bot.Api.Unavailable = false;
        await bot.AnswerAllAsync("igår", "anna.svensson@example.com", "ja", "nej");

        var again = Assert.Single(await bot.PressAsync("confirm"));
        var summary = Assert.Single(await bot.SayAsync(FakeBenefitsApi.UnregisteredPrime));
        var receipt = Receipt(await bot.PressAsync("confirm"));

        Assert.Equal(Sv(TextKey.RegUnknownSerial) + "\n\n" + Sv(TextKey.RegSerialHint), again.Text);
        var card = summary.AdaptiveCard()!;
        Assert.Equal("ILP1••••C4D5", card.Fact("Serienummer"));
        Assert.Equal("25 november 2026", card.Fact("Köpdatum"));
        Assert.Equal("a•••n@example.com", card.Fact("E-post"));
        Assert.Contains("Klart! Din IQOS är registrerad", receipt.AdaptiveCard()!.CardStrings());

        Assert.Equal(["ILX0X1X2X3X4", "ILP1A2B3C4D5"], bot.Api.Registrations.Select(call => call.Registration.Serial));
        Assert.NotEqual(bot.Api.Registrations[0].IdempotencyKey, bot.Api.Registrations[1].IdempotencyKey);
    }

    [Fact]
    public async Task A_purchase_date_the_model_cannot_have_is_asked_again_and_the_rest_kept()
    {
        var bot = Build();
        await bot.FillRegistrationAsync(date: "2018-05-01");

        var again = Assert.Single(await bot.PressAsync("confirm"));
        var summary = Assert.Single(await bot.SayAsync("igår"));
        await bot.PressAsync("confirm");

        Assert.Equal(Sv(TextKey.RegDateRejected), again.Text);
        Assert.Equal("25 november 2026", summary.AdaptiveCard()!.Fact("Köpdatum"));
        Assert.Equal([new DateOnly(2018, 5, 1), new DateOnly(2026, 11, 25)], bot.Api.Registrations.Select(call => call.Registration.PurchaseDate));
        Assert.NotEqual(bot.Api.Registrations[0].IdempotencyKey, bot.Api.Registrations[1].IdempotencyKey);
        Assert.Equal("anna.svensson@example.com", bot.Api.RegisteredTo(FakeBenefitsApi.UnregisteredPrime));
    }

    [Fact]
    public async Task Two_unusable_serials_offer_a_person_and_yes_gives_the_contact_card()
    {
        var bot = Build();
        await bot.SayAsync("registrera min enhet");

        var retry = Assert.Single(await bot.SayAsync("abc"));
        var offer = await bot.SayAsync("xyz!");
        var person = await bot.SayAsync("ja");

        Assert.Equal(Sv(TextKey.RegSerialInvalid) + "\n\n" + Sv(TextKey.RegSerialHint), retry.Text);
        Assert.Equal([Sv(TextKey.RegSerialHint) + "\n\n" + Sv(TextKey.TooManyAttempts), Sv(TextKey.OfferPersonPrompt)], offer.Texts());
        Assert.Equal(SwedishYesNo, offer[1].SuggestedTitles());
        Assert.Equal(Sv(TextKey.PersonInterim), person[0].Text);
        Assert.Equal(TestSupport.Phone, person[0].AdaptiveCard()!.Fact("Telefon"));
        Assert.Equal(TestSupport.Email, person[0].AdaptiveCard()!.Fact("E-post"));
        Assert.Equal(SwedishMenu, person[1].SuggestedTitles());
        Assert.Empty(await bot.Harness.SavedStackAsync());
        Assert.Empty(bot.Api.Registrations);
    }

    [Theory]
    [InlineData("19900101-1239", "199001011239")]
    [InlineData("900101-1239", "9001011239")]
    [InlineData("mitt personnummer är 19900101-1239", "199001011239")]
    [InlineData("4111 1111 1111 1111", "4111111111111111")]
    public async Task A_personnummer_or_card_number_is_refused_and_neither_repeated_nor_stored(string typed, string digits)
    {
        var bot = Build();
        await bot.SayAsync("registrera min enhet");

        var warning = await bot.Harness.SendAsync(typed);
        var stored = bot.StoredJson();
        var next = Assert.Single(await bot.SayAsync(FakeBenefitsApi.UnregisteredPrime));

        Assert.Equal([Sv(TextKey.ListenSensitiveNumber), Sv(TextKey.RegSerialPrompt)], warning.Messages().Texts());
        Assert.Equal(Sv(TextKey.RegDatePrompt), next.Text);
        foreach (var trace in new[] { typed, digits, digits[^10..] })
        {
            Assert.DoesNotContain(trace, warning.AllJson(), StringComparison.Ordinal);
            Assert.DoesNotContain(trace, stored, StringComparison.Ordinal);
            Assert.DoesNotContain(trace, bot.StoredJson(), StringComparison.Ordinal);
        }

        Assert.NotEmpty(await bot.Harness.SavedStackAsync());
    }

    [Theory]
    [InlineData("19900101-1239")]
    [InlineData("19900101 1239")]
    public async Task A_personnummer_at_the_date_step_is_not_taken_for_a_purchase_date(string typed)
    {
        var bot = Build();
        await bot.SayAsync("registrera min enhet");
        await bot.SayAsync(FakeBenefitsApi.UnregisteredPrime);

        var replies = await bot.SayAsync(typed);
        var next = Assert.Single(await bot.SayAsync("igår"));

        // Its first eight digits read as 1 January 1990: the customer's birth date must not become the purchase date.
        Assert.Equal([Sv(TextKey.ListenSensitiveNumber), Sv(TextKey.RegDatePrompt)], replies.Texts());
        Assert.Equal(Sv(TextKey.RegEmailPrompt), next.Text);
        Assert.DoesNotContain("1990-01-01", bot.StoredJson(), StringComparison.Ordinal);
        Assert.DoesNotContain("199001011239", bot.StoredJson().Replace("-", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    // ---- Date, age and consent ------------------------------------------------------------------------------

    [Theory]
    [InlineData("i morgon")]
    [InlineData("15 december i år")]
    public async Task A_date_in_the_future_is_explained_and_asked_again(string future)
    {
        var bot = Build();
        await bot.SayAsync("registrera min enhet");
        await bot.SayAsync(FakeBenefitsApi.UnregisteredPrime);

        var explained = Assert.Single(await bot.SayAsync(future));
        var next = Assert.Single(await bot.SayAsync("igår"));

        Assert.Equal(Sv(TextKey.RegDateFuture), explained.Text);
        Assert.Equal(Sv(TextKey.RegEmailPrompt), next.Text);
    }

    [Fact]
    public async Task A_minor_is_stopped_politely_and_nothing_is_kept_or_sent()
    {
        var bot = Build();
        foreach (var answer in new[] { "registrera min enhet", FakeBenefitsApi.UnregisteredPrime, "igår", "anna.svensson@example.com" })
        {
            await bot.SayAsync(answer);
        }

        Assert.Contains("anna.svensson", bot.StoredJson(), StringComparison.Ordinal);
        var stop = Assert.Single(await bot.SayAsync("nej"));

        Assert.Equal(Sv(TextKey.RegUnderAge), stop.Text);
        Assert.Empty(bot.Api.Registrations);
        Assert.Empty(await bot.Harness.SavedStackAsync());
        Assert.DoesNotContain("anna.svensson", bot.StoredJson(), StringComparison.Ordinal);
        Assert.DoesNotContain(FakeBenefitsApi.UnregisteredPrime, bot.StoredJson(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Yes_to_news_sends_consent_to_the_api()
    {
        var bot = Build();

        var summary = await bot.FillRegistrationAsync(consent: "ja");
        await bot.PressAsync("confirm");

        Assert.Equal("Ja", summary.AdaptiveCard()!.Fact("Nyheter och erbjudanden"));
        Assert.True(Assert.Single(bot.Api.Registrations).Registration.MarketingConsent);
    }

    [Fact]
    public async Task Two_unclear_answers_about_news_offer_a_person_as_at_every_question()
    {
        var bot = Build();
        foreach (var answer in new[] { "registrera min enhet", FakeBenefitsApi.UnregisteredPrime, "igår", "anna.svensson@example.com", "ja" })
        {
            await bot.SayAsync(answer);
        }

        var retry = Assert.Single(await bot.SayAsync("kanske"));
        var offer = await bot.SayAsync("vet inte");

        Assert.Equal(Sv(TextKey.ConfirmRetry), retry.Text);
        Assert.Equal(SwedishYesNo, retry.SuggestedTitles());
        Assert.Equal([Sv(TextKey.TooManyAttempts), Sv(TextKey.OfferPersonPrompt)], offer.Texts());
        Assert.Empty(bot.Api.Registrations);
    }

    [Fact]
    public async Task Maybe_later_about_news_is_a_no()
    {
        var bot = Build();
        foreach (var answer in new[] { "registrera min enhet", FakeBenefitsApi.UnregisteredPrime, "igår", "anna.svensson@example.com", "ja" })
        {
            await bot.SayAsync(answer);
        }

        var summary = Assert.Single(await bot.SayAsync("kanske sen"));
        await bot.PressAsync("confirm");

        Assert.Equal("Nej", summary.AdaptiveCard()!.Fact("Nyheter och erbjudanden"));
        Assert.False(Assert.Single(bot.Api.Registrations).Registration.MarketingConsent);
    }

    // ---- The API says no, or cannot be reached -------------------------------------------------------------

    [Fact]
    public async Task A_device_on_another_account_gets_the_contact_card_and_nothing_about_that_account()
    {
        var bot = Build();
        await bot.FillRegistrationAsync(serial: FakeBenefitsApi.OtherAccountIluma, email: FakeBenefitsApi.DemoEmail);

        var replies = await bot.PressAsync("confirm");

        Assert.Equal(2, replies.Count);
        Assert.Equal(Sv(TextKey.RegOtherAccount), replies[0].Text);
        Assert.Equal(TestSupport.Phone, replies[0].AdaptiveCard()!.Fact("Telefon"));
        Assert.Equal(Sv(TextKey.AnythingElse), replies[1].Text);
        Assert.Equal(SwedishMenu, replies[1].SuggestedTitles());
        Assert.DoesNotContain("someone", replies.AllJson(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("s•••e@", replies.AllJson(), StringComparison.Ordinal);
        Assert.Equal(FakeBenefitsApi.OtherEmail, bot.Api.RegisteredTo(FakeBenefitsApi.OtherAccountIluma));
        Assert.Empty(await bot.Harness.SavedStackAsync());
    }

    [Fact]
    public async Task When_the_api_is_unavailable_the_bot_apologises_with_phone_and_hours_and_offers_a_person()
    {
        var bot = Build();
        await bot.FillRegistrationAsync();
        bot.Api.Unavailable = true;

        var replies = await bot.PressAsync("confirm");
        var menu = Assert.Single(await bot.SayAsync("nej"));

        Assert.Equal(
            [$"Förlåt, jag når inte vårt kundsystem just nu. Försök igen om en stund, eller ring kundtjänst på 020-25 10 10 ({SwedishHours}).", Sv(TextKey.OfferPersonPrompt)],
            replies.Texts());
        Assert.Equal(SwedishYesNo, replies[1].SuggestedTitles());
        Assert.Null(bot.Api.RegisteredTo(FakeBenefitsApi.UnregisteredPrime));
        Assert.Equal(Sv(TextKey.AnythingElse), menu.Text);
        Assert.Empty(await bot.Harness.SavedStackAsync());
    }

    [Fact]
    public async Task A_new_registration_after_the_api_was_unavailable_uses_a_new_idempotency_key()
    {
        var bot = Build();
        await bot.FillRegistrationAsync();
        bot.Api.Unavailable = true;
        await bot.PressAsync("confirm");
        await bot.SayAsync("nej");
        bot.Api.Unavailable = false;

        await bot.FillRegistrationAsync();
        var receipt = Receipt(await bot.PressAsync("confirm"));

        Assert.Contains("Klart! Din IQOS är registrerad", receipt.AdaptiveCard()!.CardStrings());
        Assert.Equal(2, bot.Api.Registrations.Count);
        Assert.Equal(bot.Api.Registrations[0].Registration, bot.Api.Registrations[1].Registration);
        Assert.NotEqual(bot.Api.Registrations[0].IdempotencyKey, bot.Api.Registrations[1].IdempotencyKey);
    }

    [Fact]
    public async Task The_same_summary_submitted_again_after_a_lost_turn_reuses_the_idempotency_key()
    {
        var bot = Build();
        await bot.FillRegistrationAsync();
        bot.Api.CrashAfterNextRegistration = true;

        // The API registered the device, but the bot died before it replied or saved the conversation.
        await Assert.ThrowsAsync<SimulatedCrashException>(() => bot.Harness.SubmitAsync(new { action = "confirm" }));
        bot.Harness.Restart();
        var receipt = Receipt(await bot.PressAsync("confirm"));

        Assert.Contains("Klart! Din IQOS är registrerad", receipt.AdaptiveCard()!.CardStrings());
        Assert.Equal(2, bot.Api.Registrations.Count);
        Assert.Equal(bot.Api.Registrations[0], bot.Api.Registrations[1]);
        Assert.Equal("anna.svensson@example.com", bot.Api.RegisteredTo(FakeBenefitsApi.UnregisteredPrime));
    }

    [Fact]
    public async Task Pressing_register_again_on_the_old_card_registers_nothing_more()
    {
        var bot = Build();
        await bot.FillRegistrationAsync();
        await bot.PressAsync("confirm");

        var again = Assert.Single(await bot.PressAsync("confirm"));

        Assert.Equal(Sv(TextKey.MenuPrompt), again.Text);
        Assert.Equal(SwedishMenu, again.SuggestedTitles());
        Assert.Single(bot.Api.Registrations);
    }

    // ---- Interruptions --------------------------------------------------------------------------------------

    [Theory]
    [InlineData(0, "avbryt")]
    [InlineData(1, "avbryt")]
    [InlineData(2, "avbryt")]
    [InlineData(3, "avbryt")]
    [InlineData(4, "avbryt")]
    [InlineData(5, "avbryt")]
    [InlineData(2, "cancel")]
    [InlineData(5, "cancel")]
    public async Task Cancel_at_any_step_ends_the_registration_and_forgets_the_answers(int answered, string cancel)
    {
        var bot = Build();
        await bot.SayAsync("registrera min enhet");
        foreach (var answer in new[] { FakeBenefitsApi.UnregisteredPrime, "igår", "anna.svensson@example.com", "ja", "nej" }.Take(answered))
        {
            await bot.SayAsync(answer);
        }

        var before = bot.StoredJson();
        var replies = await bot.SayAsync(cancel);

        // What is forgotten was there: the form is in the stored stack while the dialog runs.
        Assert.Contains(answered > 0 ? FakeBenefitsApi.UnregisteredPrime : "RegistrationDialog", before, StringComparison.Ordinal);

        // Said plainly, with nothing registered, and the menu so the customer can go on.
        var say = cancel == "cancel" ? En : (Func<string, string>)Sv;
        Assert.Equal([say(TextKey.InterruptionCancelled) + " " + say(TextKey.LeaveRegistration), say(TextKey.AnythingElse)], replies.Texts());
        Assert.Empty(await bot.Harness.SavedStackAsync());
        Assert.DoesNotContain("anna.svensson", bot.StoredJson(), StringComparison.Ordinal);
        Assert.DoesNotContain(FakeBenefitsApi.UnregisteredPrime, bot.StoredJson(), StringComparison.Ordinal);
        Assert.Empty(bot.Api.Registrations);
    }

    [Fact]
    public async Task Help_at_the_serial_step_gives_the_hint_and_asks_again()
    {
        var bot = Build();
        await bot.SayAsync("registrera min enhet");

        var help = await bot.SayAsync("hjälp");
        var next = Assert.Single(await bot.SayAsync(FakeBenefitsApi.UnregisteredPrime));

        Assert.Equal([Sv(TextKey.RegSerialHint) + "\n\n" + Sv(TextKey.InterruptionHelp), Sv(TextKey.RegSerialPrompt)], help.Texts());
        Assert.Equal(Sv(TextKey.RegDatePrompt), next.Text);
    }

    [Fact]
    public async Task Help_at_the_summary_shows_the_card_again()
    {
        var bot = Build();
        await bot.FillRegistrationAsync();

        var help = await bot.SayAsync("hjälp");
        var receipt = Receipt(await bot.PressAsync("confirm"));

        Assert.Equal(2, help.Count);
        Assert.Equal(Sv(TextKey.RegSerialHint) + "\n\n" + Sv(TextKey.InterruptionHelp), help[0].Text);
        Assert.Equal("ILP1••••C4D5", help[1].AdaptiveCard()!.Fact("Serienummer"));
        Assert.Contains("Klart! Din IQOS är registrerad", receipt.AdaptiveCard()!.CardStrings());
    }

    [Fact]
    public async Task An_faq_question_mid_flow_is_answered_and_the_same_question_asked_again()
    {
        var bot = Build();
        await bot.SayAsync("registrera min enhet");
        await bot.SayAsync(FakeBenefitsApi.UnregisteredPrime);

        var replies = await bot.SayAsync(FaqQuestion);
        var next = Assert.Single(await bot.SayAsync("igår"));
        var summary = await bot.AnswerAllAsync("anna.svensson@example.com", "ja", "nej");

        Assert.Equal(3, replies.Count);
        Assert.Contains("Garanti", replies[0].AdaptiveCard()!.CardStrings());
        Assert.Contains(replies[0].AdaptiveCard()!.CardStrings(), text => text.Contains("12 månader", StringComparison.Ordinal));
        Assert.Equal(Sv(TextKey.InterruptionResume), replies[1].Text);
        Assert.Equal(Sv(TextKey.RegDatePrompt), replies[2].Text);
        Assert.Equal(Sv(TextKey.RegEmailPrompt), next.Text);
        Assert.Equal("25 november 2026", summary.AdaptiveCard()!.Fact("Köpdatum"));
    }

    [Fact]
    public async Task After_a_restart_the_registration_resumes_at_the_same_step_with_the_answers_kept()
    {
        var bot = Build();
        await bot.SayAsync("registrera min enhet");
        await bot.SayAsync("ilp1-a2b3 c4d5");
        await bot.SayAsync("15 mars");

        Assert.Contains("ILP1A2B3C4D5", bot.StoredJson(), StringComparison.Ordinal);
        Assert.Contains("2026-03-15", bot.StoredJson(), StringComparison.Ordinal);
        bot.Harness.Restart();
        var age = Assert.Single(await bot.SayAsync("anna.svensson@example.com"));
        var summary = await bot.AnswerAllAsync("ja", "nej");
        var receipt = Receipt(await bot.PressAsync("confirm"));

        Assert.Equal("Är du 18 år eller äldre?", age.Text);
        var card = summary.AdaptiveCard()!;
        Assert.Equal("ILP1••••C4D5", card.Fact("Serienummer"));
        Assert.Equal("15 mars 2026", card.Fact("Köpdatum"));
        Assert.Equal("a•••n@example.com", card.Fact("E-post"));
        Assert.Contains("Klart! Din IQOS är registrerad", receipt.AdaptiveCard()!.CardStrings());
        Assert.Equal(new DateOnly(2026, 3, 15), Assert.Single(bot.Api.Registrations).Registration.PurchaseDate);
    }

    private static IReadOnlyList<string> ActionTitles(Newtonsoft.Json.Linq.JObject card)
        => card["actions"]!.Select(action => (string)action["title"]!).ToList();

    /// <summary>A successful registration answers with the receipt, then leaves the menu on screen: never a dead end.</summary>
    private static Microsoft.Bot.Schema.Activity Receipt(IReadOnlyList<Microsoft.Bot.Schema.Activity> replies)
    {
        Assert.Equal(2, replies.Count);
        Assert.Equal(4, replies[1].SuggestedActions?.Actions?.Count ?? replies[1].Text.Split('\n').Length - 1);
        return replies[0];
    }
}
