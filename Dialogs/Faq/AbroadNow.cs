using IqosBot.Dialogs.Resources;
using IqosBot.Dialogs.Support;
using IqosBot.Dialogs.Understanding;
using Microsoft.Extensions.Options;

namespace IqosBot.Dialogs.Faq;

/// <summary>
/// A customer who is already abroad ("I'm on holiday in Italy and my IQOS just broke") must not be told to
/// contact customer care "before you travel": they get how to reach customer care now for the International
/// Assistance number, instead of the card. Someone planning a trip gets the card as it is.
/// </summary>
public sealed class AbroadNow : IAnswerSituation
{
    private readonly IOptionsMonitor<SupportOptions> _support;

    public AbroadNow(IOptionsMonitor<SupportOptions> support)
    {
        _support = support ?? throw new ArgumentNullException(nameof(support));
    }

    public SituationalLine? For(string intent, string language, string? text)
        => intent == Intents.InternationalSupport && TravelSituation.Read(text) == TravelPhase.AbroadNow
            ? new SituationalLine(Texts.Format(language, TextKey.FaqAbroadNow, _support.CurrentValue.Email), InsteadOfCard: true)
            : null;
}
