using IqosBot.Dialogs.Prompts;
using IqosBot.Dialogs.Engine;
using IqosBot.Dialogs.Language;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using IqosBot.Dialogs.Common;

namespace IqosBot.Dialogs.Tests.Harness;

/// <summary>
/// Runs one dialog the way the bot does, turn by turn: choose the language, run the dialog stack kept
/// in conversation state, save. <see cref="SendAsync(string)"/> returns everything the bot replied to
/// that one message, so a test can assert exactly what the customer saw.
/// </summary>
public sealed class DialogTestHarness
{
    private readonly Func<Dialog> _createDialog;
    private readonly string? _fixedLanguage;
    private readonly ConversationReference _conversation;
    private TestAdapter _adapter = null!;
    private ConversationState _conversationState = null!;
    private IStatePropertyAccessor<DialogState> _dialogState = null!;
    private IStatePropertyAccessor<string> _rememberedLanguage = null!;
    private IStatePropertyAccessor<ConversationFacts> _facts = null!;
    private Dialog _dialog = null!;

    /// <param name="createDialog">Called once now and again on every <see cref="Restart"/>.</param>
    /// <param name="language">The language of every turn; null chooses it like the bot, with <see cref="LanguagePolicy"/>.</param>
    public DialogTestHarness(
        Func<Dialog> createDialog,
        string? language = CustomerLanguage.Swedish,
        string channelId = Channels.Test,
        string? conversationType = null)
    {
        _createDialog = createDialog;
        _fixedLanguage = language;
        _conversation = new ConversationReference
        {
            ChannelId = channelId,
            ServiceUrl = "https://test.invalid",
            Conversation = new ConversationAccount { Id = "conversation-1", ConversationType = conversationType },
            User = new ChannelAccount("customer-1", "Kund"),
            Bot = new ChannelAccount("bot", "IqosBot"),
        };
        Restart();
    }

    /// <summary>Survives <see cref="Restart"/>, as a database survives a new process; it serializes every write.</summary>
    public MemoryStorage Storage { get; } = new();

    /// <summary>What <see cref="DialogExtensions.RunAsync"/> returned on the last turn.</summary>
    public DialogTurnResult? LastResult { get; private set; }

    /// <summary>The language the last turn was answered in.</summary>
    public string? LastLanguage { get; private set; }

    /// <summary>A new process: new adapter, state, accessors and dialog objects over the same storage.</summary>
    public void Restart()
    {
        _adapter = new TestAdapter(_conversation);
        _conversationState = new ConversationState(Storage);
        _dialogState = _conversationState.CreateProperty<DialogState>(nameof(DialogState));
        _rememberedLanguage = _conversationState.CreateProperty<string>("Language");
        _facts = _conversationState.CreateProperty<ConversationFacts>(nameof(ConversationFacts));
        _dialog = _createDialog();
    }

    public Task<IReadOnlyList<Activity>> SendAsync(string text, string? locale = null)
    {
        var activity = _adapter.MakeActivity(text);
        activity.Locale = locale;
        return SendAsync(activity);
    }

    /// <summary>An Adaptive Card's Action.Submit: no text, the card's inputs in <c>Value</c>.</summary>
    public Task<IReadOnlyList<Activity>> SubmitAsync(object value)
    {
        var activity = _adapter.MakeActivity();
        activity.Value = value;
        return SendAsync(activity);
    }

    public async Task<IReadOnlyList<Activity>> SendAsync(Activity activity)
    {
        await _adapter.ProcessActivityAsync(activity, TurnAsync, CancellationToken.None);
        var replies = new List<Activity>();
        while (_adapter.GetNextReply() is Activity reply)
        {
            replies.Add(reply);
        }

        return replies;
    }

    /// <summary>For tests written as an SDK <see cref="TestFlow"/>.</summary>
    public TestFlow Flow() => new(_adapter, TurnAsync);

    /// <summary>The dialog stack as saved after the last turn.</summary>
    public async Task<List<DialogInstance>> SavedStackAsync()
    {
        var key = $"{_conversation.ChannelId}/conversations/{_conversation.Conversation.Id}";
        var stored = await Storage.ReadAsync([key], CancellationToken.None);
        var properties = (IDictionary<string, object>)stored[key];
        return ((DialogState)properties[nameof(DialogState)]).DialogStack;
    }

    private async Task TurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        if (_fixedLanguage is { } language)
        {
            turnContext.SetLanguage(language);
        }
        else
        {
            var remembered = await _rememberedLanguage.GetAsync(turnContext, () => null!, cancellationToken);
            var text = turnContext.Activity.Type == ActivityTypes.Message ? turnContext.Activity.Text : null;
            var resolved = LanguagePolicy.Resolve(remembered, turnContext.Activity.Locale, text);
            await _rememberedLanguage.SetAsync(turnContext, resolved, cancellationToken);
            turnContext.SetLanguage(resolved);
        }

        // As the bot: the conversation's facts, with this message counted.
        var facts = await _facts.GetAsync(turnContext, () => new ConversationFacts(), cancellationToken);
        if (turnContext.Activity.Type == ActivityTypes.Message)
        {
            facts.Turn++;
        }

        turnContext.SetFacts(facts);
        LastLanguage = turnContext.GetLanguage();

        // The bot's prompt style, which the main dialog puts in every turn, also for a dialog tested on its own.
        PromptStyle.Use(turnContext, ChannelPromptStyle.Instance);
        LastResult = await _dialog.RunAsync(turnContext, _dialogState, cancellationToken);
        await _conversationState.SaveChangesAsync(turnContext, false, cancellationToken);
    }
}
