using IqosBot.Cards;
using IqosBot.Dialogs.Choices;
using IqosBot.Dialogs.Engine;
using IqosBot.Dialogs.Insights;
using IqosBot.Dialogs.Language;
using IqosBot.Dialogs.Prompts;
using IqosBot.Dialogs.Resources;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using IqosBot.Dialogs.Common;
using IqosBot.Dialogs.Understanding;

namespace IqosBot.Dialogs.Handoff;

/// <summary>
/// After an agent closed the chat: a 1–5 rating and an optional comment, stored with the case. Started
/// with the case id. Typing something else instead is the customer's next question, not an error.
/// </summary>
public sealed class RatingDialog : ComponentDialog
{
    private const string RatingPromptId = "rating";
    private const string CommentPromptId = "ratingComment";
    private const string RatingKey = "rating";

    /// <summary>A comment is a line or two; the case keeps no essays.</summary>
    private const int CommentMaxLength = 1000;

    private readonly IHumanHandoff _handoff;

    public RatingDialog(IHumanHandoff handoff)
        : base(nameof(RatingDialog))
    {
        _handoff = handoff ?? throw new ArgumentNullException(nameof(handoff));
        // Its steps see interruptions: a customer who leaves at the comment has still given a rating, which is kept.
        AddDialog(new WaterfallDialog(nameof(WaterfallDialog), [AskRatingStepAsync, AskCommentStepAsync, StoreStepAsync]) { HandlesInterruptions = true });
        AddDialog(new ChoicePrompt(RatingPromptId, (_, _) => Task.FromResult(true)));
        AddDialog(new TextPrompt(CommentPromptId));
        InitialDialogId = nameof(WaterfallDialog);
    }

    private static Task<DialogTurnResult> AskRatingStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
        => step.PromptAsync(RatingPromptId, new PromptOptions
        {
            Prompt = (Activity)MessageFactory.Text(Texts.Get(step.Context.GetLanguage(), TextKey.RatingPrompt)),
            Choices = [.. Enumerable.Range(1, 5).Select(score => new Choice(score.ToString(System.Globalization.CultureInfo.InvariantCulture)))],
        }, cancellationToken);

    private static async Task<DialogTurnResult> AskCommentStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var context = step.Context;
        if (step.Result is DialogInterruption)
        {
            return await step.EndDialogAsync(step.Result, cancellationToken).ConfigureAwait(false);
        }

        if (step.Result is not FoundChoice choice)
        {
            // Not a rating: go on with whatever the customer wrote instead.
            var text = context.Activity.Text;
            return await step.EndDialogAsync(string.IsNullOrWhiteSpace(text) ? null : new RouteRequest(null, text), cancellationToken).ConfigureAwait(false);
        }

        step.Values[RatingKey] = choice.Index + 1;
        var language = context.GetLanguage();
        var skip = Texts.Get(language, TextKey.HandoffSkip);
        return await step.PromptAsync(CommentPromptId, new PromptOptions
        {
            Prompt = ChoiceMessage.Create(Texts.Get(language, TextKey.RatingCommentPrompt), [new ChoiceButton(skip, skip)], ChannelInfo.From(context.Activity)),
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> StoreStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var context = step.Context;
        var language = context.GetLanguage();
        var caseId = (string)step.Options!;
        var rating = step.Values.GetInt(RatingKey, 0);
        var comment = Comment(step.Result as string, language);
        await _handoff.RecordRatingAsync(caseId, rating, comment, cancellationToken).ConfigureAwait(false);

        // The team sees the rating and whether a comment came with it; the comment itself stays with the case.
        TurnInsights.Record(context, new TurnInsight(InsightKinds.Rating, Value: comment is null ? null : "comment", Number: rating));
        if (step.Result is DialogInterruption)
        {
            return await step.EndDialogAsync(step.Result, cancellationToken).ConfigureAwait(false);
        }

        await context.SendActivitiesAsync(
            [MessageFactory.Text(Texts.Get(language, TextKey.RatingThanks)), MainMenu.Message(context, TextKey.AnythingElse)],
            cancellationToken).ConfigureAwait(false);
        return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The comment as written; null when skipped, and never a personal or card number.</summary>
    private static string? Comment(string? text, string language)
    {
        text = text?.Trim();
        if (string.IsNullOrEmpty(text)
            || string.Equals(text, Texts.Get(language, TextKey.HandoffSkip), StringComparison.OrdinalIgnoreCase)
            || SensitiveNumbers.Contains(text))
        {
            return null;
        }

        return text.Length <= CommentMaxLength ? text : text[..CommentMaxLength];
    }
}
