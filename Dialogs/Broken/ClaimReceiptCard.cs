using IqosBot.Cards;
using IqosBot.Dialogs.Benefits;
using IqosBot.Dialogs.Resources;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using IqosBot.Dialogs.Understanding;

namespace IqosBot.Dialogs.Broken;

/// <summary>The receipt for a created claim: the case number, the device (serial masked), the kind, the fault, where it goes, and what happens next.</summary>
public static class ClaimReceiptCard
{
    public static Activity Create(string caseNumber, BrokenDeviceForm form, string language, ChannelInfo channel)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(channel);
        var title = Texts.Format(language, TextKey.BrokenReceiptTitle, caseNumber);
        var device = $"{(form.ModelName is null or BrokenDeviceDialog.UnknownModel ? "IQOS" : form.ModelName)} ({SerialNumber.Mask(form.Serial ?? string.Empty)})";
        var kind = Texts.Get(language, form.ClaimKind == ClaimKind.AccidentalDamage ? TextKey.BrokenKindAccident : TextKey.BrokenKindWarranty);
        var fault = Diagnosis.Symptom(form.Symptom, language);
        var address = $"{form.Street}, {form.PostalCode} {form.City}";
        var next = Texts.Get(language, TextKey.BrokenReceiptNext);

        if (!channel.SupportsAdaptiveCards)
        {
            return (Activity)MessageFactory.Text(
                $"{title}\n{Texts.Get(language, TextKey.BrokenReceiptDevice)}: {device}\n{Texts.Get(language, TextKey.BrokenReceiptKind)}: {kind}\n" +
                $"{Texts.Get(language, TextKey.BrokenReceiptFault)}: {fault}\n{Texts.Get(language, TextKey.BrokenReceiptAddress)}: {address}\n\n{next}");
        }

        var card = CardTemplates.Bind("claim-receipt", new Dictionary<string, string>
        {
            ["title"] = title,
            ["deviceLabel"] = Texts.Get(language, TextKey.BrokenReceiptDevice), ["device"] = device,
            ["kindLabel"] = Texts.Get(language, TextKey.BrokenReceiptKind), ["kind"] = kind,
            ["faultLabel"] = Texts.Get(language, TextKey.BrokenReceiptFault), ["fault"] = fault,
            ["addressLabel"] = Texts.Get(language, TextKey.BrokenReceiptAddress), ["address"] = address,
            ["next"] = next,
        });
        return (Activity)MessageFactory.Attachment(CardTemplates.ToAttachment(card));
    }
}
