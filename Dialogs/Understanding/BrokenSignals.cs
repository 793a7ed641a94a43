using IqosBot.Dialogs.Choices;

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
}
