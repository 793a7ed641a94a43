using IqosBot.Dialogs.Engine;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;

namespace IqosBot.DialogEngine.Tests.Harness;

/// <summary>
/// Runs one dialog turn by turn with the engine and the SDK alone: the SDK's <see cref="TestAdapter"/>,
/// a <see cref="ConversationState"/> over a <see cref="MemoryStorage"/>, the dialog stack run with
/// <see cref="DialogExtensions.RunAsync"/> and saved after every turn. Nothing of the product is put in
/// the turn, so prompts render with the engine's default style unless <c>beforeTurn</c> puts another
/// one (or a policy) there. <see cref="SendAsync(string)"/> returns everything the bot replied to that
/// one message.
/// </summary>
public sealed class DialogHarness
{
    private readonly Func<Dialog> _createDialog;
    private readonly Action<ITurnContext>? _beforeTurn;
    private readonly ConversationReference _conversation;
    private TestAdapter _adapter = null!;
    private ConversationState _conversationState = null!;
    private IStatePropertyAccessor<DialogState> _dialogState = null!;
    private Dialog _dialog = null!;

    /// <param name="createDialog">Called once now and again on every <see cref="Restart"/>.</param>
    /// <param name="beforeTurn">Runs at the start of every turn, before the dialog (to put a style or policy in the turn).</param>
    public DialogHarness(Func<Dialog> createDialog, Action<ITurnContext>? beforeTurn = null, string channelId = Channels.Test)
    {
        _createDialog = createDialog;
        _beforeTurn = beforeTurn;
        _conversation = new ConversationReference
        {
            ChannelId = channelId,
            ServiceUrl = "https://test.invalid",
            Conversation = new ConversationAccount { Id = "conversation-1" },
            User = new ChannelAccount("user-1", "User"),
            Bot = new ChannelAccount("bot", "Bot"),
        };
        Restart();
    }

    /// <summary>Survives <see cref="Restart"/>, as a database survives a new process; it serializes every write.</summary>
    public MemoryStorage Storage { get; } = new();

    /// <summary>What <see cref="DialogExtensions.RunAsync"/> returned on the last turn.</summary>
    public DialogTurnResult? LastResult { get; private set; }

    /// <summary>A new process: new adapter, state, accessor and dialog objects over the same storage.</summary>
    public void Restart()
    {
        _adapter = new TestAdapter(_conversation);
        _conversationState = new ConversationState(Storage);
        _dialogState = _conversationState.CreateProperty<DialogState>(nameof(DialogState));
        _dialog = _createDialog();
    }

    public Task<IReadOnlyList<Activity>> SendAsync(string text) => SendAsync(_adapter.MakeActivity(text));

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
        _beforeTurn?.Invoke(turnContext);
        LastResult = await _dialog.RunAsync(turnContext, _dialogState, cancellationToken);
        await _conversationState.SaveChangesAsync(turnContext, false, cancellationToken);
    }
}
