using IqosBot.Dialogs.Engine;
using IqosBot.Dialogs.Language;
using IqosBot.Dialogs.Prompts;
using IqosBot.Dialogs.Resources;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using IqosBot.Dialogs.Common;

namespace IqosBot.Dialogs.Broken;

/// <summary>What the broken-device journey and its claim ask and offer the same way.</summary>
internal static class BrokenSteps
{
    /// <summary>After this many unusable answers to one question, a person is offered instead of asking again.</summary>
    public const int MaxAttempts = 2;

    /// <param name="form">When the journey got far enough to have a diagnosis, it goes with the request for a person.</param>
    public static Task<DialogTurnResult> OfferPersonAsync(WaterfallStepContext step, string reason, CancellationToken cancellationToken, BrokenDeviceForm? form = null)
        => step.ReplaceDialogAsync(
            nameof(OfferPersonDialog),
            form is null ? reason : new OfferPersonOptions(reason, Diagnosis.Describe(form, step.Context.GetLanguage())),
            cancellationToken);

    /// <summary>
    /// The journey's one rule for a question the customer could not answer: the step after it runs only
    /// with an answer; after <see cref="MaxAttempts"/> unusable ones a person is offered instead (with the
    /// diagnosis so far when <paramref name="withDiagnosis"/>, so the agent need not ask again).
    /// </summary>
    /// <param name="reason">What the customer is told before the offer, in their language; by default that the bot did not understand.</param>
    public static WaterfallStep AfterQuestion(WaterfallStep next, bool withDiagnosis = false, Func<string, string>? reason = null)
        => (step, cancellationToken) =>
        {
            if (step.Result is not PromptAttemptsExhausted)
            {
                return next(step, cancellationToken);
            }

            var language = step.Context.GetLanguage();
            var said = reason?.Invoke(language) ?? Texts.Get(language, TextKey.TooManyAttempts);
            return OfferPersonAsync(step, said, cancellationToken, withDiagnosis ? step.Options as BrokenDeviceForm : null);
        };

    /// <summary>A question with options, given up on after <see cref="MaxAttempts"/> unusable answers.</summary>
    public static PromptOptions Ask(string language, string textKey, List<Choices.Choice> choices) => new()
    {
        Prompt = (Activity)MessageFactory.Text(Texts.Get(language, textKey)),
        Choices = choices,
        MaxAttempts = MaxAttempts,
    };
}
