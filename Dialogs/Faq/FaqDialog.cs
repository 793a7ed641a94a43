using IqosBot.Dialogs.Choices;
using IqosBot.Dialogs.Engine;
using IqosBot.Dialogs.Insights;
using IqosBot.Dialogs.Language;
using IqosBot.Dialogs.Prompts;
using IqosBot.Dialogs.Resources;
using IqosBot.Dialogs.Support;
using IqosBot.Dialogs.Understanding;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using IqosBot.Dialogs.Common;
using Microsoft.Extensions.Options;

namespace IqosBot.Dialogs.Faq;

/// <summary>
/// Answers one FAQ intent with a short card, then asks "Did this help?" with follow-up questions beside
/// yes and no. "No" offers a person; a follow-up or a new question goes back to the main dialog.
/// </summary>
public sealed class FaqDialog : ComponentDialog
{
    private const string Yes = "yes";
    private const string No = "no";
    private const string FeedbackPromptId = "faqFeedback";
    private const string OfferPersonPromptId = "faqOfferPerson";

    /// <summary>A serial and an e-mail the question itself gave, for the lookup of the customer's own device.</summary>
    private const string GivenSerialKey = "givenSerial";
    private const string GivenEmailKey = "givenEmail";

    private readonly FaqKnowledge _knowledge;
    private readonly IOptionsMonitor<SupportOptions> _support;
    private readonly IAnswerSituation[] _situations;

    public FaqDialog(FaqKnowledge knowledge, IOptionsMonitor<SupportOptions> support, IEnumerable<IAnswerSituation> situations)
        : base(nameof(FaqDialog))
    {
        _knowledge = knowledge ?? throw new ArgumentNullException(nameof(knowledge));
        _support = support ?? throw new ArgumentNullException(nameof(support));
        _situations = [.. situations ?? throw new ArgumentNullException(nameof(situations))];

        AddDialog(new WaterfallDialog(nameof(WaterfallDialog), [AnswerStepAsync, FeedbackStepAsync, OfferPersonStepAsync]));

        // Free text is fine at "Did this help?": it may be the next question.
        AddDialog(new ChoicePrompt(FeedbackPromptId, (_, _) => Task.FromResult(true)));
        AddDialog(new ConfirmPrompt(OfferPersonPromptId));
        InitialDialogId = nameof(WaterfallDialog);
    }

    private async Task<DialogTurnResult> AnswerStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        var context = stepContext.Context;
        var language = context.GetLanguage();
        var intent = (string)stepContext.Options!;
        var answer = _knowledge.Find(language, intent)
                     ?? throw new InvalidOperationException($"There is no {language} FAQ answer for {intent}.");

        // "I bought it 80 days ago", "on IQOS.com", "I'm in Italy now": the customer's situation comes before the general answer.
        var lines = _situations.Select(situation => situation.For(intent, language, context.Activity.Text)).OfType<SituationalLine>().ToList();
        foreach (var line in lines)
        {
            await context.SendActivityAsync(MessageFactory.Text(line.Text), cancellationToken).ConfigureAwait(false);
        }

        if (!lines.Any(line => line.InsteadOfCard)
            && !await AnswerCards.SendAsync(context, intent, answer, _support.CurrentValue, cancellationToken).ConfigureAwait(false))
        {
            // The same card again would not help: customer care's details went out instead, and the menu with a person follows.
            await context.SendActivityAsync(MainMenu.Message(context, TextKey.AnythingElse), cancellationToken).ConfigureAwait(false);
            return await stepContext.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        TurnInsights.Record(context, new TurnInsight(InsightKinds.FaqAnswer, intent));

        // "Is mine still covered?": the general answer, then the offer to look the customer's own device up.
        var choices = FeedbackChoices(language, answer);
        var text = context.Activity.Text;
        if (OwnDevice.Asks(intent, text))
        {
            choices.Insert(2, new Choice(Intents.WarrantyStatus, Texts.Get(language, TextKey.FaqCheckMine)));
            stepContext.Values[GivenSerialKey] = SerialNumber.Find(text) ?? string.Empty;
            stepContext.Values[GivenEmailKey] = EmailAddress.Find(text) ?? string.Empty;
        }

        return await stepContext.PromptAsync(FeedbackPromptId, new PromptOptions
        {
            Prompt = (Activity)MessageFactory.Text(Texts.Get(language, TextKey.FaqDidThisHelp)),
            Choices = choices,
            AllowPartialMatches = false,
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> FeedbackStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        var context = stepContext.Context;
        var language = context.GetLanguage();
        var picked = (stepContext.Result as FoundChoice)?.Value;
        var text = context.Activity.Text;

        // A typed "ja tack" or "nope" is an answer too; anything else is the customer's next question.
        picked ??= ConfirmRecognizer.Recognize(text) switch
        {
            true => Yes,
            false => No,
            null => null,
        };

        if (picked is Yes or No)
        {
            TurnInsights.Record(context, new TurnInsight(InsightKinds.FaqFeedback, (string)stepContext.Options!, picked == Yes ? InsightKinds.Helped : InsightKinds.NotHelped));
        }

        switch (picked)
        {
            case Yes:
                await context.SendActivityAsync(MessageFactory.Text(Texts.Get(language, TextKey.FaqGlad)), cancellationToken).ConfigureAwait(false);
                return await stepContext.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);

            case No:
                return await stepContext.PromptAsync(OfferPersonPromptId, new PromptOptions
                {
                    Prompt = (Activity)MessageFactory.Text(Texts.Get(language, TextKey.FaqOfferPerson)),
                    MaxAttempts = 2,
                }, cancellationToken).ConfigureAwait(false);

            case null when OwnDevice.Asks((string)stepContext.Options!, text):
            case Intents.WarrantyStatus:
                // "And what about mine?" after a general answer about cover: look the customer's own device up, with what the question gave.
                return await stepContext.EndDialogAsync(
                    new RouteRequest(Intents.WarrantyStatus, null, Serial: Given(stepContext, GivenSerialKey), Email: Given(stepContext, GivenEmailKey)),
                    cancellationToken).ConfigureAwait(false);

            case null:
                return await stepContext.EndDialogAsync(new RouteRequest(null, text), cancellationToken).ConfigureAwait(false);

            default:
                return await stepContext.EndDialogAsync(new RouteRequest(picked, null), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<DialogTurnResult> OfferPersonStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        if (stepContext.Result is true)
        {
            return await stepContext.EndDialogAsync(new RouteRequest(Intents.HumanAgent, null), cancellationToken).ConfigureAwait(false);
        }

        var context = stepContext.Context;
        await context.SendActivityAsync(MainMenu.Message(context, TextKey.FaqNoPerson), cancellationToken).ConfigureAwait(false);
        return await stepContext.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
    }

    private static string? Given(WaterfallStepContext stepContext, string key)
        => stepContext.Values.TryGetValue(key, out var value) && value is string { Length: > 0 } given ? given : null;

    private List<Choice> FeedbackChoices(string language, FaqAnswer answer)
    {
        var choices = new List<Choice>
        {
            new(Yes, Texts.Get(language, TextKey.ConfirmYes), ["yes", "ja"]),
            new(No, Texts.Get(language, TextKey.ConfirmNo), ["no", "nej"]),
        };
        foreach (var followUp in answer.FollowUps)
        {
            if (_knowledge.Find(language, followUp)?.Suggestion is { } suggestion)
            {
                choices.Add(new Choice(followUp, suggestion));
            }
        }

        return choices;
    }
}
