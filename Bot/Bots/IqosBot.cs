using IqosBot.Dialogs.Insights;
using IqosBot.Dialogs.Engine;
using IqosBot.Dialogs.Language;
using IqosBot.Dialogs.Main;
using IqosBot.Dialogs.Resources;
using IqosBot.Dialogs.Understanding;
using IqosBot.Handoff;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using IqosBot.Dialogs.Common;
using IqosBot.Conversations;

namespace IqosBot.Bots;

/// <summary>
/// The bot behind every channel: welcomes a customer once per conversation, answers in the customer's
/// language, and runs the dialog stack kept in conversation state — unless a person has the chat, when
/// the customer's messages go to them instead.
/// </summary>
public sealed class IqosBot : ActivityHandler, IHandBack
{
    /// <summary>Web Chat pages send this event when the widget connects (the Bot Framework welcome sample's convention).</summary>
    public const string WebChatJoinEvent = "webchat/join";

    private readonly ConversationState _conversationState;
    private readonly MainDialog _mainDialog;
    private readonly CustomerRelay? _relay;
    private readonly ConversationLocks _locks;
    private readonly IStatePropertyAccessor<ConversationData> _conversationData;
    private readonly IStatePropertyAccessor<DialogState> _dialogState;

    /// <param name="relay">Sends the customer's messages to their agent while a person has the chat; null where there is no handoff.</param>
    public IqosBot(ConversationState conversationState, MainDialog mainDialog, ConversationLocks locks, CustomerRelay? relay = null)
    {
        _conversationState = conversationState ?? throw new ArgumentNullException(nameof(conversationState));
        _mainDialog = mainDialog ?? throw new ArgumentNullException(nameof(mainDialog));
        _locks = locks ?? throw new ArgumentNullException(nameof(locks));
        _relay = relay;
        _conversationData = conversationState.CreateProperty<ConversationData>(nameof(ConversationData));
        _dialogState = conversationState.CreateProperty<DialogState>(nameof(DialogState));
    }

    public override Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return RunTurnAsync(turnContext, async data =>
        {
            if (LongMessageGuard.WasCut(turnContext))
            {
                // Not understood, not kept, not passed on: a polite request for a shorter message, in the customer's language.
                var language = turnContext.GetLanguage();
                await turnContext.SendActivityAsync(MessageFactory.Text(Texts.Get(language, TextKey.ListenTooLong)), cancellationToken).ConfigureAwait(false);
                await RecognizerTrace.RuleAsync(turnContext, "TooLong", Intents.None, cancellationToken).ConfigureAwait(false);
                return;
            }

            if (data.StateCleared && turnContext.Activity.Type == ActivityTypes.Message)
            {
                // Retention cleared what this conversation held; say so once, then treat the message as a new start.
                data.StateCleared = false;
                await turnContext.SendActivityAsync(MessageFactory.Text(Texts.Get(turnContext.GetLanguage(), TextKey.StateClearedStartAfresh)), cancellationToken).ConfigureAwait(false);
            }

            if (_relay is not null && await _relay.TryRelayAsync(turnContext, data, turnContext.GetLanguage(), cancellationToken).ConfigureAwait(false))
            {
                await RecognizerTrace.EnsureSentAsync(turnContext, RecognizerTrace.ByPerson, cancellationToken).ConfigureAwait(false);
                return;
            }

            await base.OnTurnAsync(turnContext, cancellationToken).ConfigureAwait(false);

            // Whatever no rule or recognizer decided was the answer to the question the bot was waiting on.
            await RecognizerTrace.EnsureSentAsync(turnContext, RecognizerTrace.ByPrompt, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    /// <summary>
    /// An agent closed the chat (a proactive turn): the bot tells the customer it is back and asks for a
    /// rating. Nothing happens when the conversation has moved on to another case meanwhile.
    /// </summary>
    public Task HandBackAsync(ITurnContext turnContext, string caseId, string agentName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return RunTurnAsync(turnContext, async data =>
        {
            if (data.HandoffCaseId == caseId)
            {
                await ResumeAfterPersonAsync(turnContext, data, caseId, agentName, cancellationToken).ConfigureAwait(false);
            }
        }, cancellationToken);
    }

    /// <summary>Every turn: one at a time per conversation, in the customer's language, state saved when it succeeded.</summary>
    private async Task RunTurnAsync(ITurnContext turnContext, Func<ConversationData, Task> turn, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        using var held = await _locks.AcquireAsync(ConversationKeys.Of(activity.ChannelId, activity.Conversation?.Id ?? string.Empty), cancellationToken).ConfigureAwait(false);

        var data = await _conversationData.GetAsync(turnContext, () => new ConversationData(), cancellationToken).ConfigureAwait(false);
        if (IsRedelivery(activity, data))
        {
            // Channels retry when an answer was slow: the first delivery was (or is being) answered; this one is only acknowledged.
            return;
        }

        var text = activity.Type == ActivityTypes.Message ? activity.Text : null;
        data.Language = LanguagePolicy.Resolve(data.Language, RequestedLocale(activity), text);
        turnContext.SetLanguage(data.Language);
        if (text is not null)
        {
            data.Facts.Turn++;
        }

        turnContext.SetFacts(data.Facts);

        await turn(data).ConfigureAwait(false);

        // Saved only when the turn succeeded: after an error the customer resumes from the last good step.
        await _conversationState.SaveChangesAsync(turnContext, false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>How many recent message ids a conversation remembers: a channel's retries come within seconds.</summary>
    private const int RememberedActivityIds = 20;

    /// <summary>Whether this message was handled before in this conversation; otherwise it is remembered as handled.</summary>
    private static bool IsRedelivery(Activity activity, ConversationData data)
    {
        // An id longer than any channel's is not kept: a visitor's made-up id cannot grow the state.
        if (activity.Type != ActivityTypes.Message || string.IsNullOrEmpty(activity.Id) || activity.Id.Length > 128)
        {
            return false;
        }

        if (data.RecentActivityIds.Contains(activity.Id))
        {
            return true;
        }

        data.RecentActivityIds.Add(activity.Id);
        if (data.RecentActivityIds.Count > RememberedActivityIds)
        {
            data.RecentActivityIds.RemoveAt(0);
        }

        return false;
    }

    private async Task ResumeAfterPersonAsync(ITurnContext turnContext, ConversationData data, string caseId, string agentName, CancellationToken cancellationToken)
    {
        data.HandoffCaseId = null;
        var language = turnContext.GetLanguage();
        await turnContext.SendActivityAsync(MessageFactory.Text(Texts.Format(language, TextKey.HandoffAgentLeft, agentName)), cancellationToken).ConfigureAwait(false);
        await _mainDialog.BeginAsync(turnContext, _dialogState, new MainDialogOptions { RateCaseId = caseId }, cancellationToken).ConfigureAwait(false);
    }

    protected override Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
        => _mainDialog.RunAsync(turnContext, _dialogState, cancellationToken);

    protected override async Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        // The bot itself is announced as a member too; greet only when a customer joins.
        if (membersAdded.Any(member => member.Id != turnContext.Activity.Recipient?.Id))
        {
            await WelcomeAsync(turnContext, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Teams, on installing the app in a personal chat: the only member Teams announces is the bot itself, so the
    /// welcome comes from the installation (once: a later conversationUpdate finds the customer welcomed).
    /// </summary>
    protected override Task OnInstallationUpdateAddAsync(ITurnContext<IInstallationUpdateActivity> turnContext, CancellationToken cancellationToken)
        => WelcomeAsync(turnContext, cancellationToken);

    /// <summary>
    /// Teams lets a customer edit a sent message. The bot answered the original and does not go back on its
    /// answer, so it says once that it reads only new messages; the edit itself changes nothing.
    /// </summary>
    protected override async Task OnMessageUpdateActivityAsync(ITurnContext<IMessageUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        var data = await _conversationData.GetAsync(turnContext, () => new ConversationData(), cancellationToken).ConfigureAwait(false);
        if (!data.ToldEditsAreNotRead)
        {
            data.ToldEditsAreNotRead = true;
            await turnContext.SendActivityAsync(MessageFactory.Text(Texts.Get(turnContext.GetLanguage(), TextKey.EditedMessageNotRead)), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A customer deleting a sent message in Teams needs no answer; the conversation goes on where it was.</summary>
    protected override Task OnMessageDeleteActivityAsync(ITurnContext<IMessageDeleteActivity> turnContext, CancellationToken cancellationToken)
        => Task.CompletedTask;

    protected override async Task OnEventActivityAsync(ITurnContext<IEventActivity> turnContext, CancellationToken cancellationToken)
    {
        if (turnContext.Activity.Name == WebChatJoinEvent)
        {
            await WelcomeAsync(turnContext, cancellationToken).ConfigureAwait(false);
        }
        else if (turnContext.Activity.Name == HandoffEventNames.HandoffStatus && _relay is not null)
        {
            // A contact centre reports on the conversation it took over.
            var data = await _conversationData.GetAsync(turnContext, () => new ConversationData(), cancellationToken).ConfigureAwait(false);
            var caseId = data.HandoffCaseId;
            if (caseId is not null
                && await _relay.OnHandoffStatusAsync(turnContext, data, turnContext.GetLanguage(), cancellationToken).ConfigureAwait(false) == HandoffStatusOutcome.BackToBot)
            {
                await ResumeAfterPersonAsync(turnContext, data, caseId, Texts.Get(turnContext.GetLanguage(), TextKey.CustomerCareName), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task WelcomeAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var data = await _conversationData.GetAsync(turnContext, () => new ConversationData(), cancellationToken).ConfigureAwait(false);
        if (data.Welcomed)
        {
            return;
        }

        data.Welcomed = true;
        TurnInsights.Record(turnContext, new TurnInsight(InsightKinds.Started));
        var language = turnContext.GetLanguage();
        await turnContext.SendActivitiesAsync(
            [MessageFactory.Text(Texts.Get(language, TextKey.Welcome)), MainMenu.Message(turnContext, TextKey.MenuPrompt)],
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The channel's locale; Web Chat's join event carries the browser language in its value.</summary>
    private static string? RequestedLocale(Activity activity)
        => activity.Name == WebChatJoinEvent && activity.Value is JObject value && value.Value<string>("language") is { } language
            ? language
            : activity.Locale;
}
