using IqosBot.Benefits.Contract;

namespace IqosBot.Dialogs.Understanding;

/// <summary>
/// Device serial numbers as customers type them. The bot only pre-checks loosely (letters and digits, at least
/// one of each): the real format is the benefits API's business, it is asked about every serial as soon as it
/// is given, and no format rule is ever stated to customers.
/// </summary>
public static class SerialNumber
{
    /// <summary>
    /// Spaces and dashes removed, upper case: "ilp1-a2b3 c4d5" → "ILP1A2B3C4D5". The benefits API's own rule
    /// (<see cref="SerialNumberFormat"/>), so the serial the bot repeats and sends is the one the API matches.
    /// </summary>
    public static string Normalize(string? text) => SerialNumberFormat.Normalize(text ?? string.Empty);

    public static bool LooksPlausible(string normalized)
        => normalized.Length is >= MinimumLength and <= MaximumLength && normalized.All(char.IsAsciiLetterOrDigit)
           && normalized.Any(char.IsAsciiDigit) && normalized.Any(char.IsAsciiLetter);

    /// <summary>
    /// The serial in a message, also inside a sentence: "koden är ILP1 A2B3 C4D5", "sorry, typo – the right one is
    /// ILO7G6H5J4K3". A run of words that each hold a digit is joined ("ILP1 A2B3 C4D5"); when a message holds
    /// two, the last one is the customer's correction. Null when there is none ("my friend says 17 is fine").
    /// </summary>
    public static string? Find(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaximumScan)
        {
            return null;
        }

        string? found = null;
        var run = new List<string>();
        foreach (var raw in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var word = Normalize(raw.Trim('.', ',', '!', '?', ':', ';', '"', '\'', '(', ')', '«', '»', '”', '“'));
            if (word.Length is > 0 and <= MaximumLength && word.All(char.IsAsciiLetterOrDigit) && word.Any(char.IsAsciiDigit))
            {
                run.Add(word);
                continue;
            }

            found = Candidate(run) ?? found;
            run.Clear();
        }

        return Candidate(run) ?? found;
    }

    /// <summary>
    /// A run of short words that each hold a digit is one serial typed in parts ("ILP1 A2B3 C4D5", "ilp1-a2b3 c4d5");
    /// a run with a longer word holds whole things side by side ("ILP1A2B3C4D5 2026-03-15"): its last word that
    /// looks like a serial on its own.
    /// </summary>
    private static string? Candidate(List<string> run)
    {
        if (run.All(word => word.Length <= PartLength) && string.Concat(run) is var joined && LooksPlausible(joined))
        {
            return joined;
        }

        return run.LastOrDefault(LooksPlausible);
    }

    /// <summary>The longest part of a serial typed in groups.</summary>
    private const int PartLength = 8;

    private const int MinimumLength = 6;
    private const int MaximumLength = 20;

    /// <summary>Longer messages are not answers to "what is the serial?"; they are not searched for one.</summary>
    private const int MaximumScan = 2000;


    /// <summary>"ILP1A2B3C4D5" → "ILP1•••••C4D5": enough for the customer to recognise, too little to reuse.</summary>
    public static string Mask(string normalized)
        => normalized.Length <= 8 ? new string('•', normalized.Length) : normalized[..4] + new string('•', normalized.Length - 8) + normalized[^4..];
}
