using System.Globalization;
using IqosBot.Cards;
using IqosBot.Dialogs.Resources;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace IqosBot.Dialogs.Benefits;

/// <summary>A device's coverage as the API reported it: warranty, benefit programme, accidental damage cover and money-back window.</summary>
public static class CoverageCard
{
    public static Activity Create(DeviceCoverage device, string title, string? note, string language, DateOnly today, ChannelInfo channel)
    {
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(channel);
        var claim = Texts.Get(language, device.AccidentalDamageClaimUsed ? TextKey.CovClaimUsed : TextKey.CovClaimUnused);
        var facts = new (string Label, string Value)[]
        {
            (Texts.Get(language, TextKey.CovModel), device.Model),
            (Texts.Get(language, TextKey.CovPurchased), Date(device.PurchaseDate, language)),
            (Texts.Get(language, TextKey.CovWarranty), Until(device.WarrantyEnd, language, today)),
            (Texts.Get(language, TextKey.CovBenefit), Until(device.BenefitProgramEnd, language, today)),
            (Texts.Get(language, TextKey.CovAccident), $"{Until(device.AccidentalDamageEnd, language, today)}, {claim}"),
            (Texts.Get(language, TextKey.CovMoneyBack), MoneyBack(device.MoneyBackEnd, language, today)),
        };

        if (!channel.SupportsAdaptiveCards)
        {
            var lines = string.Join("\n", facts.Select(fact => $"{fact.Label}: {fact.Value}"));
            return (Activity)MessageFactory.Text(string.IsNullOrEmpty(note) ? $"{title}\n\n{lines}" : $"{title}\n\n{lines}\n\n{note}");
        }

        var card = CardTemplates.Bind("coverage", new Dictionary<string, string>
        {
            ["title"] = title,
            ["modelLabel"] = facts[0].Label, ["model"] = facts[0].Value,
            ["purchasedLabel"] = facts[1].Label, ["purchased"] = facts[1].Value,
            ["warrantyLabel"] = facts[2].Label, ["warranty"] = facts[2].Value,
            ["benefitLabel"] = facts[3].Label, ["benefit"] = facts[3].Value,
            ["accidentLabel"] = facts[4].Label, ["accident"] = facts[4].Value,
            ["moneyBackLabel"] = facts[5].Label, ["moneyBack"] = facts[5].Value,
            ["note"] = note ?? string.Empty,
        });
        var activity = (Activity)MessageFactory.Attachment(CardTemplates.ToAttachment(card));
        activity.Speak = title;
        return activity;
    }

    /// <summary>"15 mars 2026" / "15 March 2026".</summary>
    public static string Date(DateOnly date, string language)
        => date.ToString("d MMMM yyyy", Texts.Culture(language));

    private static string Until(DateOnly end, string language, DateOnly today)
        => end < today ? Texts.Format(language, TextKey.CovEnded, Date(end, language)) : Date(end, language);

    private static string MoneyBack(DateOnly end, string language, DateOnly today)
    {
        var daysLeft = end.DayNumber - today.DayNumber;
        return daysLeft < 0
            ? Texts.Format(language, TextKey.CovEnded, Date(end, language))
            : Texts.Format(language, TextKey.CovDaysLeft, daysLeft.ToString(CultureInfo.InvariantCulture), Date(end, language));
    }
}
