using IqosBot.Dialogs.Choices;

namespace IqosBot.Dialogs.Main;

/// <summary>Recognises a plain hello, so the bot can greet back before showing what it can do.</summary>
public static class Greetings
{
    private static readonly HashSet<string> Words =
    [
        "hej", "hejsan", "hej hej", "halla", "tjena", "tja", "tjenare", "god morgon", "goddag", "god dag", "god kvall", "hej dar",
        "hi", "hello", "hey", "hiya", "hi there", "hello there", "hey there", "good morning", "good afternoon", "good evening", "yo",
    ];

    public static bool IsGreeting(string? text) => Words.Contains(TextNormalizer.Fold(text));
}
