using IqosBot.Dialogs.Resources;
using IqosBot.Dialogs.Understanding;

namespace IqosBot.Dialogs.Faq;

/// <summary>
/// A return or money-back question that says where the device was bought gets the way back for that place:
/// the steps for an IQOS.com order delivered by PostNord (return label and slip from the parcel, "Item no
/// longer required", a PostNord point); for a store or a retailer the steps are not known, so the customer is
/// told to contact customer care before sending anything, as the return terms ask.
/// </summary>
public sealed class ReturnRoute : IAnswerSituation
{
    public SituationalLine? For(string intent, string language, string? text)
    {
        if (intent != Intents.MoneyBackGuarantee)
        {
            return null;
        }

        return PurchasePlace.Read(text) switch
        {
            PurchasePlaceKind.Online => new SituationalLine(Texts.Get(language, TextKey.FaqReturnOnline)),
            PurchasePlaceKind.Store or PurchasePlaceKind.Retailer => new SituationalLine(Texts.Get(language, TextKey.FaqReturnInPerson)),
            _ => null,
        };
    }
}
