using Microsoft.Bot.Schema;
using Microsoft.Bot.Builder;
using IqosBot.Cards;
using System.Collections.Concurrent;
using IqosBot.Dialogs.Choices;
using IqosBot.Dialogs.Language;
using IqosBot.Dialogs.Resources;
using IqosBot.Dialogs.Understanding;

namespace IqosBot.Dialogs.Common;

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

    // Built once per language: the menu is asked about on every free-text message.
    private static readonly ConcurrentDictionary<string, (List<Choice> Choices, Dictionary<string, string> ExactPhrases)> Menus = new(StringComparer.Ordinal);

    /// <summary>Sends the menu as buttons without waiting for an answer (after the welcome or an answer).</summary>
    public static Activity Message(ITurnContext turnContext, string textKey)
    {
        var language = turnContext.GetLanguage();
        var buttons = Choices(language).Select(choice => new ChoiceButton(choice.Title!, choice.Title!)).ToList();
        return ChoiceMessage.Create(Texts.Get(language, textKey), buttons, ChannelInfo.From(turnContext.Activity));
    }

    /// <summary>The menu in the customer's language (a new list: prompts keep it in their state).</summary>
    public static List<Choice> Choices(string language) => [.. Menu(language).Choices];

    /// <summary>The option a message names exactly (a button's title, a number, a fixed phrase, give or take filler words), or null.</summary>
    public static string? ExactPick(string? utterance, string language)
    {
        // A menu phrase is a few words; a longer message is not one.
        if (utterance is null or { Length: > 200 })
        {
            return null;
        }

        var menu = Menu(language);
        if (ChoiceRecognizer.Position(utterance, menu.Choices.Count) is { } position)
        {
            return menu.Choices[position - 1].Value;
        }

        return menu.ExactPhrases.GetValueOrDefault(ChoiceRecognizer.ContentKey(utterance));
    }

    private static (List<Choice> Choices, Dictionary<string, string> ExactPhrases) Menu(string language) => Menus.GetOrAdd(language, static language =>
    {
        var other = language == CustomerLanguage.English ? CustomerLanguage.Swedish : CustomerLanguage.English;
        var choices = Options
            .Select(option => new Choice(
                option.Value,
                Texts.Get(language, option.TitleKey),
                [Texts.Get(other, option.TitleKey), .. Synonyms[option.Value]]))
            .ToList();

        var phrases = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var choice in choices)
        {
            foreach (var phrase in new[] { choice.Title!, choice.Value }.Concat(choice.Synonyms))
            {
                phrases.TryAdd(ChoiceRecognizer.ContentKey(phrase), choice.Value);
            }
        }

        return (choices, phrases);
    });
}
