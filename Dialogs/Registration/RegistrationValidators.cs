using IqosBot.Dialogs.Language;
using IqosBot.Dialogs.Prompts;
using IqosBot.Dialogs.Resources;
using Microsoft.Bot.Builder;
using IqosBot.Dialogs.Understanding;

namespace IqosBot.Dialogs.Registration;

/// <summary>
/// The loose checks the bot makes before the benefits API has its say. A validator that explains the
/// problem itself sends the explanation; otherwise the prompt's retry text is shown. Answers are found
/// inside a sentence: "jag köpte den i fredags", "min mejl är anna@example.com".
/// </summary>
public static class RegistrationValidators
{
    public static async Task<bool> PurchaseDateAsync(PromptValidatorContext<string> prompt, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prompt);

        // A personal identity number ("19900101-1239" would read as 1 January 1990) never gets here: the
        // listening policy answers it before any prompt reads the message.
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
        return Task.FromResult(EmailAddress.Find(prompt.Recognized.Value) is not null);
    }
}
