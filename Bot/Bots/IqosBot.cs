using IqosBot.Dialogs.Engine;
using IqosBot.Dialogs.Language;
using IqosBot.Dialogs.Main;
using IqosBot.Dialogs.Resources;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace IqosBot.Bots;

/// <summary>
/// The bot behind every channel: welcomes a customer once per conversation, answers in the customer's
/// language, and runs the dialog stack kept in conversation state.
/// </summary>
public sealed class IqosBot : ActivityHandler
{
    /// <summary>Web Chat pages send this event when the widget connects (the Bot Framework welcome sample's convention).</summary>
    public const string WebChatJoinEvent = "webchat/join";

    private readonly ConversationState _conversationState;
    private readonly MainDialog _mainDialog;
    private readonly IStatePropertyAccessor<ConversationData> _conversationData;
    private readonly IStatePropertyAccessor<DialogState> _dialogState;

    public IqosBot(ConversationState conversationState, MainDialog mainDialog)
    {
        _conversationState = conversationState ?? throw new ArgumentNullException(nameof(conversationState));
        _mainDialog = mainDialog ?? throw new ArgumentNullException(nameof(mainDialog));
        _conversationData = conversationState.CreateProperty<ConversationData>(nameof(ConversationData));
        _dialogState = conversationState.CreateProperty<DialogState>(nameof(DialogState));
    }

    public override async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);

        var data = await _conversationData.GetAsync(turnContext, () => new ConversationData(), cancellationToken).ConfigureAwait(false);
        var text = turnContext.Activity.Type == ActivityTypes.Message ? turnContext.Activity.Text : null;
        data.Language = LanguagePolicy.Resolve(data.Language, RequestedLocale(turnContext.Activity), text);
        turnContext.SetLanguage(data.Language);

        await base.OnTurnAsync(turnContext, cancellationToken).ConfigureAwait(false);

        // Saved only when the turn succeeded: after an error the customer resumes from the last good step.
        await _conversationState.SaveChangesAsync(turnContext, false, cancellationToken).ConfigureAwait(false);
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

    protected override async Task OnEventActivityAsync(ITurnContext<IEventActivity> turnContext, CancellationToken cancellationToken)
    {
        if (turnContext.Activity.Name == WebChatJoinEvent)
        {
            await WelcomeAsync(turnContext, cancellationToken).ConfigureAwait(false);
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
        var language = turnContext.GetLanguage();
        await turnContext.SendActivitiesAsync(
            [MessageFactory.Text(Texts.Get(language, TextKey.Welcome)), MainDialog.MenuMessage(turnContext, TextKey.MenuPrompt)],
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The channel's locale; Web Chat's join event carries the browser language in its value.</summary>
    private static string? RequestedLocale(Activity activity)
        => activity.Name == WebChatJoinEvent && activity.Value is JObject value && value.Value<string>("language") is { } language
            ? language
            : activity.Locale;
}
