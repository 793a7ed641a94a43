using IqosBot.Cards;
using IqosBot.Dialogs.Choices;
using IqosBot.Dialogs.Engine;
using IqosBot.Dialogs.Interruptions;
using IqosBot.Dialogs.Language;
using IqosBot.Dialogs.Prompts;
using IqosBot.Dialogs.Resources;
using IqosBot.Dialogs.Support;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace IqosBot.Dialogs.Main;

/// <summary>
/// The top of every conversation: understands a direct request, or greets and shows the menu
/// (register a device, warranty status, questions, a person); anything it does not understand gets a
/// polite fallback with the same menu, so the customer always has a way forward.
/// </summary>
public sealed class MainDialog : ComponentDialog
{
    private const string MenuPromptId = "mainMenu";

    private readonly SupportOptions _support;

    public MainDialog(SupportOptions support)
        : base(nameof(MainDialog))
    {
        _support = support ?? throw new ArgumentNullException(nameof(support));

        AddDialog(new WaterfallDialog(nameof(WaterfallDialog), [RouteStepAsync, ActStepAsync]));

        // Free text is a valid answer to the menu: the customer may type a question instead of picking.
        AddDialog(new ChoicePrompt(MenuPromptId, (_, _) => Task.FromResult(true)));
        InitialDialogId = nameof(WaterfallDialog);
    }

    /// <summary>Sends the menu as buttons without waiting for an answer (after the welcome or an answer).</summary>
    public static Activity MenuMessage(ITurnContext turnContext, string textKey)
    {
        var language = turnContext.GetLanguage();
        var buttons = MainMenu.Choices(language).Select(choice => new ChoiceButton(choice.Title!, choice.Title!)).ToList();
        return ChoiceMessage.Create(Texts.Get(language, textKey), buttons, ChannelInfo.From(turnContext.Activity));
    }

    private async Task<DialogTurnResult> RouteStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        var context = stepContext.Context;
        var language = context.GetLanguage();
        var utterance = (stepContext.Options as MainDialogOptions)?.Utterance
                        ?? (context.Activity.Type == ActivityTypes.Message ? context.Activity.Text : null);

        string intro;
        switch (InterruptionDetector.Detect(utterance))
        {
            case Interruption.HumanAgent:
                return await stepContext.NextAsync(MainMenu.Person, cancellationToken).ConfigureAwait(false);

            case Interruption.Cancel:
                // Nothing is running at the top level; acknowledge and leave the door open.
                await context.SendActivityAsync(MenuMessage(context, TextKey.AnythingElse), cancellationToken).ConfigureAwait(false);
                return await stepContext.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);

            case Interruption.Help:
                intro = Texts.Get(language, TextKey.HelpIntro) + " " + Texts.Get(language, TextKey.MenuPrompt);
                break;

            default:
                if (ChoiceRecognizer.Recognize(utterance, MainMenu.Choices(language)) is { } direct)
                {
                    return await stepContext.NextAsync(direct.Value, cancellationToken).ConfigureAwait(false);
                }

                intro = string.IsNullOrWhiteSpace(utterance) ? Texts.Get(language, TextKey.MenuPrompt)
                    : Greetings.IsGreeting(utterance) ? Texts.Get(language, TextKey.Greeting) + " " + Texts.Get(language, TextKey.MenuPrompt)
                    : Texts.Get(language, TextKey.Fallback);
                break;
        }

        var options = new PromptOptions
        {
            Prompt = (Activity)MessageFactory.Text(intro),
            Choices = MainMenu.Choices(language),
        };
        return await stepContext.PromptAsync(MenuPromptId, options, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> ActStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        var topic = stepContext.Result switch
        {
            FoundChoice choice => choice.Value,
            string value => value,
            _ => null,
        };

        if (topic is null)
        {
            // The customer typed something instead of picking: route that message from the top.
            var options = new MainDialogOptions { Utterance = stepContext.Context.Activity.Text };
            return await stepContext.ReplaceDialogAsync(nameof(WaterfallDialog), options, cancellationToken).ConfigureAwait(false);
        }

        await AnswerTopicAsync(stepContext.Context, topic, cancellationToken).ConfigureAwait(false);
        return await stepContext.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
    }

    private Task AnswerTopicAsync(ITurnContext context, string topic, CancellationToken cancellationToken)
    {
        var language = context.GetLanguage();
        var channel = ChannelInfo.From(context.Activity);
        IActivity[] replies = topic switch
        {
            MainMenu.Register =>
            [
                MessageFactory.Text(Texts.Get(language, TextKey.TopicRegister)),
                MenuMessage(context, TextKey.AnythingElse),
            ],
            MainMenu.Warranty =>
            [
                ContactCard.Create(_support, language, channel, Texts.Get(language, TextKey.TopicWarranty)),
                MenuMessage(context, TextKey.AnythingElse),
            ],
            MainMenu.Person =>
            [
                ContactCard.Create(_support, language, channel, Texts.Get(language, TextKey.PersonInterim)),
                MenuMessage(context, TextKey.AnythingElse),
            ],
            _ => [MessageFactory.Text(Texts.Get(language, TextKey.TopicQuestions))],
        };

        return context.SendActivitiesAsync(replies, cancellationToken);
    }
}
