using IqosBot.Dialogs.Choices;
using IqosBot.Dialogs.Resources;
using IqosBot.Dialogs.Understanding;

namespace IqosBot.Dialogs.Faq;

/// <summary>
/// "Finns det någon IQOS-butik i Göteborg?": the bot has no store list, so it says so rather than invent an
/// address, and the contact card follows (customer care can point to the nearest store).
/// </summary>
public sealed class StoreQuestion : IAnswerSituation
{
    public SituationalLine? For(string intent, string language, string? text)
        => intent == Intents.ContactSupport && AsksForStores(text) ? new SituationalLine(Texts.Get(language, TextKey.FaqNoStoreList)) : null;

    /// <summary>A store in so many words ("butik", "iqosbutiken", "stores"); an online shop ("nätbutik", "webshop") is not one.</summary>
    private static bool AsksForStores(string? text)
        => text is { Length: <= 2000 } && TextNormalizer.Tokens(text).Any(word =>
            word is "store" or "stores" or "shop" or "shops"
            || (word.Contains("butik", StringComparison.Ordinal) && !word.StartsWith("nat", StringComparison.Ordinal) && !word.StartsWith("webb", StringComparison.Ordinal)));
}
