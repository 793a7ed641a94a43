using IqosBot.Dialogs.Choices;
using Microsoft.Bot.Builder;

namespace IqosBot.Dialogs.Understanding;

/// <summary>
/// Whether a message reports a broken device ("den är trasig", "my ILUMA won't charge") rather than asks
/// how something works ("hur fungerar ersättning?"). The recognizer's Troubleshooting and
/// DeviceReplacement intents cover both; only a report starts the broken-device journey.
/// </summary>
public static class BrokenSignals
{
    /// <summary>Folded like <see cref="TextNormalizer"/> folds them: lower case, å/ä/ö as a/a/o.</summary>
    private static readonly string[] Phrases =
    [
        "trasig", "trasigt", "trasiga", "sonder", "pajat", "paj", "defekt", "defekta", "dod", "funkar inte", "fungerar inte", "slutat fungera", "slutat funka", "gar inte att",
        "broken", "broke", "doesn t work", "does not work", "doesnt work", "stopped working", "not working", "won t work", "wont work", "faulty", "defect", "defective", "malfunctioning", "dead",
    ];

    public static bool Mentions(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        if (SymptomDetector.Detect(text) is not null)
        {
            return true;
        }

        // Whole words only: "dead" is not "deadline", "paj" is not "pajas".
        return new FoldedText(text).HasAny(Phrases);
    }

    /// <summary>Below this the recognizer's other intent does not outweigh a fault or accident named in the message.</summary>
    private const double SureOfAnotherQuestion = 0.5;

    /// <summary>
    /// The broken-device intent a message reports, or null when it reports none. A report the model saw as
    /// Troubleshooting or DeviceReplacement among its top two keeps that (the agent is told which); one it did
    /// not place at all is Troubleshooting. A named fault or accident ("my iluma is cracked", "min andra iqos
    /// laddar inte") is a report unless the model is sure of another question; asked whether that device is
    /// covered, the journey checks its cover anyway. The same rule at the top of a conversation and at a prompt.
    /// </summary>
    public static string? ReportedIntent(string? utterance, RecognizerResult recognized)
    {
        ArgumentNullException.ThrowIfNull(recognized);
        if (!Mentions(utterance))
        {
            return null;
        }

        // The top two real intents (None is not among them), and what the model decided, which may be None.
        var top = recognized.TopTwo();
        var intent = recognized.TopIntent();
        var seen = top.Select(candidate => candidate.Intent).FirstOrDefault(candidate => candidate is Intents.Troubleshooting or Intents.DeviceReplacement);
        if (seen is not null || intent == Intents.None)
        {
            return seen ?? Intents.Troubleshooting;
        }

        var named = SymptomDetector.Detect(utterance);
        var unsure = top.Length == 0 || top[0].Score < SureOfAnotherQuestion;
        return named is not null && (unsure || intent == Intents.WarrantyStatus)
            ? (named is Accidents.Dropped or Accidents.Liquid or Accidents.Cracked ? Intents.DeviceReplacement : Intents.Troubleshooting)
            : null;
    }
}
