using IqosBot.Dialogs.Choices;
using IqosBot.Dialogs.Understanding;

namespace IqosBot.Dialogs.Faq;

/// <summary>
/// "And what about my own one?" after a general answer about cover: the customer means their own device,
/// which only a lookup through the benefits API can answer.
/// </summary>
public static class OwnDevice
{
    /// <summary>Answers about cover, after which a customer's "and mine?" is a request to check their own device.</summary>
    private static readonly HashSet<string> CoverTopics = [Intents.WarrantyInfo, Intents.CarePlus, Intents.MoneyBackGuarantee, Intents.DeviceReplacement];

    private static readonly HashSet<string> Possessives = ["my", "mine", "own", "min", "mitt", "mina", "egen", "eget"];

    private static readonly HashSet<string> DeviceWords =
    [
        "one", "device", "iqos", "iluma", "it", "warranty", "cover", "covered", "still", "valid",
        "enhet", "enheten", "den", "garanti", "garantin", "tackt", "tackt", "galler", "fortfarande", "kvar", "da",
    ];

    /// <summary>Whether <paramref name="text"/>, said after the answer about <paramref name="answeredTopic"/>, asks about the customer's own device.</summary>
    public static bool Asks(string answeredTopic, string? text)
    {
        if (!CoverTopics.Contains(answeredTopic))
        {
            return false;
        }

        var tokens = TextNormalizer.Tokens(text);
        return tokens.Length is > 0 and <= 12 && tokens.Any(Possessives.Contains) && (tokens.Length <= 5 || tokens.Any(DeviceWords.Contains));
    }
}
