namespace IqosBot.Dialogs.Understanding;

/// <summary>Where a device was bought, as a customer says it.</summary>
public enum PurchasePlaceKind
{
    /// <summary>On IQOS.com (ordered online and delivered).</summary>
    Online,

    /// <summary>In an IQOS store.</summary>
    Store,

    /// <summary>At a retailer (a kiosk, a petrol station, a tobacconist).</summary>
    Retailer,
}

/// <summary>
/// Reads where the customer bought the device ("beställde den på iqos.com", "köpte den i butiken på Mall of
/// Scandinavia", "got it at a 7-Eleven"), in Swedish and English, with or without å/ä/ö. Null when the message
/// names no place, or more than one kind (then it is not for the bot to guess).
/// </summary>
public static class PurchasePlace
{
    private static readonly (PurchasePlaceKind Kind, string[] Phrases)[] Places =
    [
        (PurchasePlaceKind.Online, ["iqos com", "iqos se", "pa natet", "online", "pa webben", "hemsidan", "webbshop", "webbshopen", "natbutik", "natbutiken", "website", "web shop", "webshop", "ordered", "bestallde", "bestallt"]),
        (PurchasePlaceKind.Store, ["i butik", "i butiken", "i en butik", "iqos butik", "iqos butiken", "iqosbutiken", "in a store", "in the store", "in a shop", "in the shop", "iqos store", "mall of scandinavia"]),
        (PurchasePlaceKind.Retailer, ["aterforsaljare", "aterforsaljaren", "pressbyran", "7 eleven", "seven eleven", "tobaksaffar", "tobaksaffaren", "kiosk", "kiosken", "macken", "bensinmack", "retailer", "gas station", "petrol station", "tobacconist"]),
    ];

    public static PurchasePlaceKind? Read(string? text)
    {
        // Longer than the bot reads (Messages:MaxLength): not read for a place.
        if (string.IsNullOrWhiteSpace(text) || text.Length > 2000)
        {
            return null;
        }

        var folded = new FoldedText(text);
        var found = Places
            .Where(place => folded.HasAny(place.Phrases))
            .Select(place => place.Kind)
            .ToList();
        return found.Count == 1 ? found[0] : null;
    }
}
