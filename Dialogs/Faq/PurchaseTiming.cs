using IqosBot.Dialogs.Resources;
using IqosBot.Dialogs.Support;
using IqosBot.Dialogs.Understanding;
using Microsoft.Extensions.Options;

namespace IqosBot.Dialogs.Faq;

/// <summary>
/// A question about the money-back guarantee or the warranty that says when the device was bought
/// ("jag köpte den för 80 dagar sedan, kan jag lämna tillbaka den?") gets a line on where that leaves the
/// customer, counted against the periods as configured (<see cref="PolicyOptions"/>): the general card alone
/// would tell someone at day 80 about a 60-day guarantee. The date is read as the registration journey
/// reads a purchase date.
/// </summary>
public sealed class PurchaseTiming : IAnswerSituation
{
    private readonly LocalClock _clock;
    private readonly IOptionsMonitor<PolicyOptions> _policy;

    public PurchaseTiming(LocalClock clock, IOptionsMonitor<PolicyOptions> policy)
    {
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _policy = policy ?? throw new ArgumentNullException(nameof(policy));
    }

    public SituationalLine? For(string intent, string language, string? text)
        => NoteFor(intent, language, text) is { } note ? new SituationalLine(note) : null;

    /// <summary>The line for this answer and message, or null when the message gives no purchase date or the answer has no period.</summary>
    private string? NoteFor(string intent, string language, string? text)
    {
        if (intent is not (Intents.MoneyBackGuarantee or Intents.WarrantyInfo) || string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var today = _clock.Today;
        if (PurchaseDateParser.Parse(text, today).Date is not { } bought)
        {
            return null;
        }

        var policy = _policy.CurrentValue;
        if (intent == Intents.WarrantyInfo)
        {
            var warrantyEnds = bought.AddMonths(policy.WarrantyMonths);
            return Texts.Format(language, today < warrantyEnds ? TextKey.FaqTimingWithinWarranty : TextKey.FaqTimingPastWarranty, policy.WarrantyMonths);
        }

        var days = today.DayNumber - bought.DayNumber;
        var key = days <= policy.ReturnDays ? TextKey.FaqTimingWithinReturn
            : days <= policy.MoneyBackDays ? TextKey.FaqTimingWithinMoneyBack
            : TextKey.FaqTimingPastMoneyBack;
        return Texts.Format(language, key, When(language, days), policy.MoneyBackDays, policy.ReturnDays);
    }

    /// <summary>"i dag", "i går", "för 12 dagar sedan": never "för 1 dagar sedan".</summary>
    private static string When(string language, int days) => days switch
    {
        <= 0 => Texts.Get(language, TextKey.FaqTimingToday),
        1 => Texts.Get(language, TextKey.FaqTimingYesterday),
        _ => Texts.Format(language, TextKey.FaqTimingDaysAgo, days),
    };
}
