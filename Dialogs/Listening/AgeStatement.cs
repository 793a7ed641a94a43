using System.Globalization;
using IqosBot.Dialogs.Choices;

namespace IqosBot.Dialogs.Listening;

/// <summary>
/// A customer saying how old they are: "jag är 16", "I'm seventeen", "im 17 years old", "jag är under 18".
/// Only first-person statements count ("min son är 16" is not the customer), and a number followed by
/// another unit ("jag är 16 minuter sen") is not an age. Works on folded tokens, so "är"/"ar" and
/// "I'm"/"im" alike, in time linear in the message.
/// </summary>
public static class AgeStatement
{
    private const int AdultAge = 18;

    private static readonly Dictionary<string, int> NumberWords = new(StringComparer.Ordinal)
    {
        ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14, ["fifteen"] = 15, ["sixteen"] = 16, ["seventeen"] = 17,
        ["eighteen"] = 18, ["nineteen"] = 19, ["twenty"] = 20,
        ["tio"] = 10, ["elva"] = 11, ["tolv"] = 12, ["tretton"] = 13, ["fjorton"] = 14, ["femton"] = 15, ["sexton"] = 16, ["sjutton"] = 17,
        ["arton"] = 18, ["nitton"] = 19, ["tjugo"] = 20,
    };

    private static readonly string[] AgeUnits = ["years", "yrs", "ar", "yo", "y"];

    /// <summary>Words after a number that make it something else than an age.</summary>
    private static readonly HashSet<string> OtherUnits =
    [
        "min", "minuter", "minutes", "minute", "mins", "sek", "sekunder", "seconds", "timmar", "hours", "hour", "dagar", "dag", "days", "day",
        "veckor", "weeks", "manader", "months", "month", "kr", "kronor", "sek", "procent", "percent", "st", "stycken", "cm", "kg", "m",
    ];

    /// <summary>The age the customer states about themselves, or null. "under 18" reads as 17.</summary>
    public static int? Stated(string? text)
    {
        // Longer than the bot reads (Messages:MaxLength): not read for an age.
        if (text is { Length: > 2000 })
        {
            return null;
        }

        var tokens = TextNormalizer.Tokens(text);
        for (var i = 0; i < tokens.Length; i++)
        {
            var start = FirstPersonEnd(tokens, i);
            if (start < 0)
            {
                continue;
            }

            if (AgeAt(tokens, start) is { } age)
            {
                return age;
            }
        }

        return null;
    }

    /// <summary>A customer under 18 by their own words.</summary>
    public static bool SaysMinor(string? text) => Stated(text) is < AdultAge;

    /// <summary>An answer to "are you 18 or older?" given as an age alone ("16", "25 år", "I'm 30").</summary>
    public static int? AnswerToAgeQuestion(string? text)
    {
        if (Stated(text) is { } stated)
        {
            return stated;
        }

        if (text is { Length: > 40 })
        {
            return null;
        }

        var tokens = TextNormalizer.Tokens(text);
        return tokens.Length is >= 1 and <= 3 ? AgeAt(tokens, 0) : null;
    }

    /// <summary>Index just past "jag är" / "i am" / "i m" / "im" starting at <paramref name="i"/>, or -1.</summary>
    private static int FirstPersonEnd(string[] tokens, int i)
    {
        var word = tokens[i];
        var next = i + 1 < tokens.Length ? tokens[i + 1] : null;
        return word switch
        {
            "jag" when next is "ar" or "e" => i + 2,
            "jag" when next is "fyller" => i + 1,
            "jag" when next is "har" && i + 2 < tokens.Length && tokens[i + 2] == "fyllt" => i + 3,
            "i" when next is "am" or "m" => i + 2,
            "im" or "iam" => i + 1,
            _ => -1,
        };
    }

    private static int? AgeAt(string[] tokens, int start)
    {
        var i = start;
        // "jag är bara 16", "I'm only 17", "jag är under 18", "jag har fyllt 16" (only with "fyllt": "jag har 15 stickor" is no age),
        // "I am not 18 yet"; "jag är snart 18", "jag fyller 18 i maj", "I'm turning 18": younger than the number.
        var under = false;
        while (i < tokens.Length && tokens[i] is "bara" or "only" or "just" or "under" or "not" or "inte" or "typ" or "about" or "snart" or "almost"
                   or "nearly" or "fyller" or "turning")
        {
            under |= tokens[i] is "under" or "not" or "inte" or "snart" or "almost" or "nearly" or "fyller" or "turning";
            i++;
        }

        if (i >= tokens.Length || Number(tokens[i]) is not { } number || number is < 5 or > 99)
        {
            return null;
        }

        if (i + 1 < tokens.Length && OtherUnits.Contains(tokens[i + 1]))
        {
            return null;
        }

        // "under 18" / "inte 18" / "not 18 yet": younger than the number said.
        return under ? number - 1 : number;
    }

    private static int? Number(string token)
    {
        // "16år", "17yo": the unit typed onto the number.
        foreach (var unit in AgeUnits)
        {
            if (token.Length > unit.Length && token.EndsWith(unit, StringComparison.Ordinal) && token[..^unit.Length].All(char.IsAsciiDigit))
            {
                token = token[..^unit.Length];
                break;
            }
        }

        if (token.Length is >= 1 and <= 3 && token.All(char.IsAsciiDigit))
        {
            return int.Parse(token, CultureInfo.InvariantCulture);
        }

        return NumberWords.TryGetValue(token, out var value) ? value : null;
    }
}
