using IqosBot.Dialogs.Choices;
using IqosBot.Dialogs.Language;
using IqosBot.Dialogs.Resources;

namespace IqosBot.Dialogs.Main;

/// <summary>The four things the bot offers at the top level, in the customer's language.</summary>
public static class MainMenu
{
    public const string Register = "register";
    public const string Warranty = "warranty";
    public const string Questions = "questions";
    public const string Person = "person";

    /// <summary>Other words customers use for each option, in both languages: people mix them.</summary>
    private static readonly Dictionary<string, string[]> Synonyms = new(StringComparer.Ordinal)
    {
        [Register] = ["registrera", "registrering", "registrera min enhet", "lägga till enhet", "register", "registration", "add device", "register my device"],
        [Warranty] = ["garanti", "garantin", "min garanti", "garantistatus", "warranty", "my warranty", "warranty status"],
        [Questions] = ["fråga", "frågor", "jag har en fråga", "question", "questions", "faq"],
        [Person] = ["person", "människa", "kundtjänst", "agent", "handläggare", "human", "someone", "customer care", "customer service"],
    };

    private static readonly (string Value, string TitleKey)[] Options =
    [
        (Register, TextKey.MenuRegister),
        (Warranty, TextKey.MenuWarranty),
        (Questions, TextKey.MenuQuestions),
        (Person, TextKey.MenuPerson),
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
}
