using Microsoft.Bot.Schema;

namespace IqosBot.Dialogs.Prompts;

/// <summary>Helpers for the activities a prompt keeps in its state.</summary>
internal static class PromptActivities
{
    /// <summary>
    /// Sending stamps an activity with ids and the conversation reference; the copy in dialog state must
    /// stay as the dialog wrote it, so each send gets a fresh copy.
    /// </summary>
    public static Activity CopyForSending(Activity source) => new()
    {
        Type = source.Type ?? ActivityTypes.Message,
        Text = source.Text,
        Speak = source.Speak,
        TextFormat = source.TextFormat,
        InputHint = source.InputHint ?? InputHints.ExpectingInput,
        Attachments = source.Attachments?.ToList(),
        AttachmentLayout = source.AttachmentLayout,
        SuggestedActions = source.SuggestedActions,
        Locale = source.Locale,
    };
}
