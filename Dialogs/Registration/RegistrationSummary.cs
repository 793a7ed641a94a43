using IqosBot.Cards;
using IqosBot.Dialogs.Benefits;
using IqosBot.Dialogs.Choices;
using IqosBot.Dialogs.Resources;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using IqosBot.Dialogs.Understanding;

namespace IqosBot.Dialogs.Registration;

/// <summary>
/// The "is this right?" card before submitting. Serial and e-mail are shown masked: enough for the
/// customer to recognise, and nothing a transcript should keep in clear text.
/// </summary>
public static class RegistrationSummary
{
    public const string Confirm = "confirm";
    public const string ChangeSerial = "change-serial";
    public const string ChangeDate = "change-date";
    public const string ChangeEmail = "change-email";
    public const string ChangeConsent = "change-consent";

    /// <summary>The card's buttons as choices, so typing "ändra e-post" or "1" works like pressing them.</summary>
    public static List<Choice> Choices(string language) =>
    [
        new(Confirm, Texts.Get(language, TextKey.RegConfirm), ["bekräfta", "confirm", "stämmer", "det stämmer", "allt stämmer", "correct", "ok", "okej", "ja", "japp", "yes", "yep", "register", "registrera", "kör", "go ahead", "looks good", "ser bra ut", "that's right"]),
        new(ChangeSerial, Texts.Get(language, TextKey.RegChangeSerial)),
        new(ChangeDate, Texts.Get(language, TextKey.RegChangeDate)),
        new(ChangeEmail, Texts.Get(language, TextKey.RegChangeEmail)),
        new(ChangeConsent, Texts.Get(language, TextKey.RegChangeConsent)),
    ];

    public static List<ChoiceButton> Buttons(IEnumerable<Choice> choices)
        => choices.Select(choice => new ChoiceButton(choice.Title!, choice.Title!)).ToList();

    /// <summary>The card with its buttons, or where cards don't show, the same facts as text with a numbered list.</summary>
    public static Activity Create(RegistrationForm form, string language, ChannelInfo channel)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(channel);
        var serial = SerialNumber.Mask(form.Serial ?? string.Empty);
        var date = form.PurchaseDate is { } purchased ? CoverageCard.Date(purchased, language) : string.Empty;
        var email = EmailAddress.Mask(form.Email ?? string.Empty);
        var consent = Texts.Get(language, form.MarketingConsent == true ? TextKey.ConfirmYes : TextKey.ConfirmNo);

        if (!channel.SupportsAdaptiveCards)
        {
            var text = $"{Texts.Get(language, TextKey.RegSummaryTitle)}\n{Texts.Get(language, TextKey.RegSummarySerial)}: {serial}\n" +
                       $"{Texts.Get(language, TextKey.RegSummaryDate)}: {date}\n{Texts.Get(language, TextKey.RegSummaryEmail)}: {email}\n" +
                       $"{Texts.Get(language, TextKey.RegSummaryConsent)}: {consent}";
            return ChoiceMessage.Create(text, Buttons(Choices(language)), channel);
        }

        var card = CardTemplates.Bind("registration-summary", new Dictionary<string, string>
        {
            ["title"] = Texts.Get(language, TextKey.RegSummaryTitle),
            ["serialLabel"] = Texts.Get(language, TextKey.RegSummarySerial), ["serial"] = serial,
            ["dateLabel"] = Texts.Get(language, TextKey.RegSummaryDate), ["date"] = date,
            ["emailLabel"] = Texts.Get(language, TextKey.RegSummaryEmail), ["email"] = email,
            ["consentLabel"] = Texts.Get(language, TextKey.RegSummaryConsent), ["consent"] = consent,
            ["confirmTitle"] = Texts.Get(language, TextKey.RegConfirm),
            ["changeSerialTitle"] = Texts.Get(language, TextKey.RegChangeSerial),
            ["changeDateTitle"] = Texts.Get(language, TextKey.RegChangeDate),
            ["changeEmailTitle"] = Texts.Get(language, TextKey.RegChangeEmail),
            ["changeConsentTitle"] = Texts.Get(language, TextKey.RegChangeConsent),
        });
        var activity = (Activity)MessageFactory.Attachment(CardTemplates.ToAttachment(card));
        activity.InputHint = InputHints.ExpectingInput;
        return activity;
    }
}
