using IqosBot.Dialogs.Prompts;
using IqosBot.Dialogs.Resources;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace IqosBot.Dialogs.Registration;

/// <summary>Asking for a serial number, the same way in every journey: where to find it is part of every retry and of "help".</summary>
public static class SerialQuestion
{
    /// <summary>After this many unusable answers, a person is offered instead of asking again.</summary>
    public const int MaxAttempts = 2;

    public static string Hint(string language) => Texts.Get(language, TextKey.RegSerialHint);

    public static PromptOptions Ask(string language, string text) => new()
    {
        Prompt = (Activity)MessageFactory.Text(text),
        RetryPrompt = (Activity)MessageFactory.Text(Texts.Get(language, TextKey.RegSerialInvalid) + "\n\n" + Hint(language)),
        MaxAttempts = MaxAttempts,
    };
}
