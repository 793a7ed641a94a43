using IqosBot.Dialogs.Choices;
using IqosBot.Dialogs.Language;
using IqosBot.Dialogs.Resources;
using IqosBot.Dialogs.Understanding;

namespace IqosBot.Dialogs.Main;

/// <summary>The four things the bot offers at the top level, in the customer's language. Each option is an intent.</summary>
public static class MainMenu
{
    /// <summary>"Ask a question" is not an intent: it invites the customer to type one.</summary>
    public const string AskQuestion = nameof(AskQuestion);

    /// <summary>
    /// Other phrasings that mean exactly one option, in both languages (people mix them). Single words
    /// such as "garanti" are left to the recognizer: they could as well be a question about the terms.
    /// </summary>
    private static readonly Dictionary<string, string[]> Synonyms = new(StringComparer.Ordinal)
    {
        [Intents.RegisterDevice] = ["registrera min enhet", "registrera enheten", "register my device", "register device"],
        [Intents.WarrantyStatus] = ["kolla garantin", "min garanti", "check warranty", "my warranty"],
        [AskQuestion] = ["jag har en fråga", "en fråga", "i have a question", "a question"],
        [Intents.HumanAgent] = ["prata med person", "talk to person"],
    };

    private static readonly (string Value, string TitleKey)[] Options =
    [
        (Intents.RegisterDevice, TextKey.MenuRegister),
        (Intents.WarrantyStatus, TextKey.MenuWarranty),
        (AskQuestion, TextKey.MenuQuestions),
        (Intents.HumanAgent, TextKey.MenuPerson),
    ];

    public static List<Choice> Choices(string language)
    {
        var other = language == CustomerLanguage.English ? CustomerLanguage.Swedish : CustomerLanguage.English;
        return Options
            .Select(option => new Choice(
                option.Value,
                Texts.Get(language, option.TitleKey),
                [Texts.Get(other, option.TitleKey), .. Synonyms[option.Value]]))
            .ToList();
    }

    /// <summary>The option a message names exactly (a button's title, a number, a fixed phrase), or null.</summary>
    public static string? ExactPick(string? utterance, string language)
        => ChoiceRecognizer.Recognize(utterance, Choices(language)) is { Score: >= 1.0 } found ? found.Value : null;
}
