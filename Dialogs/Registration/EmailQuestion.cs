using IqosBot.Dialogs.Prompts;
using IqosBot.Dialogs.Resources;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace IqosBot.Dialogs.Registration;

/// <summary>Asking for the account e-mail, the same way in every journey (registration, warranty lookup, claims).</summary>
public static class EmailQuestion
{
    /// <summary>After this many unusable answers, a person is offered instead of asking again.</summary>
    public const int MaxAttempts = 2;

    public static PromptOptions Ask(string language, string text) => new()
    {
        Prompt = (Activity)MessageFactory.Text(text),
        RetryPrompt = (Activity)MessageFactory.Text(Texts.Get(language, TextKey.RegEmailInvalid)),
        MaxAttempts = MaxAttempts,
    };
}
