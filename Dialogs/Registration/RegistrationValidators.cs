using IqosBot.Dialogs.Language;
using IqosBot.Dialogs.Prompts;
using IqosBot.Dialogs.Resources;
using Microsoft.Bot.Builder;

namespace IqosBot.Dialogs.Registration;

/// <summary>
/// The loose checks the bot makes before the benefits API has its say. A validator that explains the
/// problem itself sends the explanation; otherwise the prompt's retry text is shown.
/// </summary>
public static class RegistrationValidators
{
    public static async Task<bool> SerialAsync(PromptValidatorContext<string> prompt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        var text = prompt.Recognized.Value;

        // A personnummer or card number typed by mistake is neither stored nor repeated back.
        if (SensitiveNumbers.Contains(text))
        {
            await prompt.Context.SendActivityAsync(MessageFactory.Text(Texts.Get(prompt.Context.GetLanguage(), TextKey.RegSensitiveNumber)), cancellationToken).ConfigureAwait(false);
            return false;
        }

        return prompt.Recognized.Succeeded && SerialNumber.LooksPlausible(SerialNumber.Normalize(text));
    }

    public static async Task<bool> PurchaseDateAsync(PromptValidatorContext<string> prompt, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prompt);

        // "19900101-1239" would otherwise read as 1 January 1990, keeping the customer's birth date as the
        // purchase date (stored, shown on the summary, sent to the API). Refused as not a date; the retry asks again.
        if (SensitiveNumbers.Contains(prompt.Recognized.Value))
        {
            return false;
        }

        var parsed = PurchaseDateParser.Parse(prompt.Recognized.Value, today);
        if (parsed.Problem == PurchaseDateProblem.InTheFuture)
        {
            await prompt.Context.SendActivityAsync(MessageFactory.Text(Texts.Get(prompt.Context.GetLanguage(), TextKey.RegDateFuture)), cancellationToken).ConfigureAwait(false);
            return false;
        }

        return parsed.Date is not null;
    }

    public static Task<bool> EmailAsync(PromptValidatorContext<string> prompt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        return Task.FromResult(EmailAddress.Normalize(prompt.Recognized.Value) is not null);
    }
}
