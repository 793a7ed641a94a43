using IqosBot.Dialogs.Choices;
using IqosBot.Dialogs.Prompts;
using IqosBot.Dialogs.Resources;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace IqosBot.Dialogs.Common;

/// <summary>Asking for a serial number, the same way in every journey: where to find it is part of every retry, of "help" and of giving up.</summary>
public static class SerialQuestion
{
    /// <summary>After this many unusable answers, a person is offered instead of asking again.</summary>
    public const int MaxAttempts = 2;

    private static readonly HashSet<string> WhereWords = ["var", "vart", "where", "hittar", "hitta", "find", "located", "star", "sitter", "finns", "hur"];

    private static readonly HashSet<string> CodeWords = ["kod", "koden", "code", "serial", "serienummer", "serienumret", "serienr", "numret", "number", "qr"];

    private static readonly HashSet<string> ModelWords = ["iqos", "iluma", "prime", "duo", "lil", "originals", "enheten", "device"];

    private static readonly HashSet<string> BuyingWords = ["kopa", "koper", "kop", "buy", "price", "pris", "butik", "butiken", "store", "shop"];

    public static string Hint(string language) => Texts.Get(language, TextKey.RegSerialHint);

    /// <summary>What the journey says when it gives up on the serial: where to find it, then the offer of a person.</summary>
    public static string GiveUp(string language) => Hint(language) + "\n\n" + Texts.Get(language, TextKey.TooManyAttempts);

    public static PromptOptions Ask(string language, string text) => new()
    {
        Prompt = (Activity)MessageFactory.Text(text),
        RetryPrompt = (Activity)MessageFactory.Text(Texts.Get(language, TextKey.RegSerialInvalid) + "\n\n" + Hint(language)),
        MaxAttempts = MaxAttempts,
    };

    /// <summary>"Var hittar jag koden?", "where's the serial number?", "vart står den på iluma one då" — not "var köper jag en iluma?".</summary>
    public static bool AsksWhereToFind(string? text)
    {
        var tokens = TextNormalizer.Tokens(text);
        return tokens.Length <= 12 && tokens.Any(WhereWords.Contains) && !tokens.Any(BuyingWords.Contains)
               && (tokens.Any(CodeWords.Contains) || tokens.Any(ModelWords.Contains));
    }
}
