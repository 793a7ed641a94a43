using System.Globalization;
using System.Text;

namespace IqosBot.Insights;

/// <summary>
/// The messages the bot did not understand, grouped so that "har ni öppet på julafton?", "öppet julafton??" and
/// "har ni öppet på julafton" are one line with a count: texts are folded (case, accents, punctuation) and compared by
/// their letter trigrams, which forgives typos and word order. Greedy and bounded: the newest
/// <see cref="MaxMessages"/> messages into at most <see cref="MaxGroups"/> groups, so a report stays fast whatever
/// the traffic.
/// </summary>
public static class UnansweredGroups
{
    public const int MaxMessages = 5_000;
    public const int MaxGroups = 500;

    /// <summary>Groups shown; the rest are in none of them.</summary>
    public const int MaxShown = 100;

    public const int MaxExamples = 20;

    /// <summary>Share of trigrams two texts have in common (Jaccard) to be the same question.</summary>
    public const double Threshold = 0.5;

    public static IReadOnlyList<UnansweredGroup> Of(IEnumerable<UnansweredMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var groups = new List<Group>();
        foreach (var message in messages.OrderByDescending(message => message.At).Take(MaxMessages))
        {
            var grams = Trigrams(Fold(message.Text));
            var home = groups.FirstOrDefault(group => Similarity(group.Grams, grams) >= Threshold);
            if (home is null)
            {
                if (groups.Count >= MaxGroups)
                {
                    continue;
                }

                home = new Group(grams);
                groups.Add(home);
            }

            home.Messages.Add(message);
        }

        return [.. groups
            .OrderByDescending(group => group.Messages.Count).ThenByDescending(group => group.Messages[0].At)
            .Take(MaxShown)
            .Select(group => new UnansweredGroup(
                Representative(group.Messages),
                group.Messages.Count,
                [.. group.Messages.Take(MaxExamples).Select(message => new UnansweredExample(message.Text, message.At, message.Language))]))];
    }

    /// <summary>Lower case, accents and punctuation gone, single spaces: "Öppet på JULAFTON??" → "oppet pa julafton".</summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var kept = char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ';
            if (kept != ' ' || (builder.Length > 0 && builder[^1] != ' '))
            {
                builder.Append(kept);
            }
        }

        return builder.ToString().Trim();
    }

    /// <summary>Swedish and English words that say nothing of what a question is about (folded: no accents).</summary>
    private static readonly HashSet<string> FunctionWords = new(
        [
            "jag", "du", "ni", "vi", "man", "kan", "har", "ar", "en", "ett", "det", "den", "de", "pa", "i", "med", "till", "for", "om",
            "och", "att", "som", "av", "vad", "hur", "var", "nar", "min", "mitt", "mina", "er", "ert", "era", "din", "ditt", "mig", "dig",
            "oss", "sa", "nu", "far", "fa", "ska", "skulle", "vill", "finns", "inte", "eller", "men", "ocksa", "hej", "tack", "snalla",
            "you", "we", "can", "could", "do", "does", "is", "are", "the", "a", "an", "to", "of", "on", "in", "with", "my", "your", "me",
            "it", "and", "or", "what", "how", "where", "when", "have", "has", "be", "u", "please", "hi", "hello", "thanks", "there", "any",
        ],
        StringComparer.Ordinal);

    public static double Similarity(HashSet<string> a, HashSet<string> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Count == 0 && b.Count == 0)
        {
            return 1;
        }

        var shared = a.Count(b.Contains);
        return (double)shared / (a.Count + b.Count - shared);
    }

    /// <summary>
    /// The trigrams of each word that carries the question, padded with spaces ("julafton" → " ju", "jul", …, "on "), so
    /// short words count too. Function words ("har ni … på", "can I … with") are left out: shared, they would make
    /// "öppet på julafton?" and "öppet på nyårsafton?", or "betala med klarna" and "betala med swish", one question.
    /// A message of function words only ("hej då") keeps them all.
    /// </summary>
    private static HashSet<string> Trigrams(string folded)
    {
        var grams = new HashSet<string>(StringComparer.Ordinal);
        var words = folded.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var content = words.Where(word => !FunctionWords.Contains(word)).ToArray();
        foreach (var word in content.Length > 0 ? content : words)
        {
            var padded = " " + word + " ";
            for (var i = 0; i + 3 <= padded.Length; i++)
            {
                grams.Add(padded.Substring(i, 3));
            }
        }

        return grams;
    }

    /// <summary>The wording most often used in the group (the newest of equals).</summary>
    private static string Representative(List<UnansweredMessage> messages)
        => messages.GroupBy(message => message.Text, StringComparer.Ordinal)
            .OrderByDescending(same => same.Count()).ThenByDescending(same => same.Max(message => message.At))
            .First().Key;

    private sealed class Group(HashSet<string> grams)
    {
        public HashSet<string> Grams { get; } = grams;

        /// <summary>Newest first, as they were read.</summary>
        public List<UnansweredMessage> Messages { get; } = [];
    }
}
