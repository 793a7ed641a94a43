using IqosBot.Dialogs.Choices;
using Microsoft.Bot.Schema;

namespace IqosBot.Dialogs.Prompts;

/// <summary>What a prompt asks, how it asks again, and when it gives up.</summary>
/// <remarks>Stored in dialog state while the prompt waits, so it must survive a JSON round trip.</remarks>
public class PromptOptions
{
    public Activity? Prompt { get; set; }

    /// <summary>Sent when the answer was not understood or not valid, unless the validator already replied.</summary>
    public Activity? RetryPrompt { get; set; }

    public List<Choice> Choices { get; set; } = [];

    /// <summary>
    /// Whether a choice may be picked by some of its words ("garanti" for "Kolla min garanti"), as the SDK's
    /// FindChoicesOptions.AllowPartialMatches. Off where a typed message is more likely a new question than a
    /// pick (the menu, "did this help?"): only a title, synonym or number then counts.
    /// </summary>
    public bool AllowPartialMatches { get; set; } = true;

    /// <summary>Extra data for a validator (for example the fields a card must return).</summary>
    public object? Validations { get; set; }

    /// <summary>
    /// After this many answers that fail, the prompt ends with <see cref="PromptAttemptsExhausted"/> so the
    /// calling step can offer a person instead of asking forever. Null asks until answered or cancelled.
    /// </summary>
    public int? MaxAttempts { get; set; }
}
