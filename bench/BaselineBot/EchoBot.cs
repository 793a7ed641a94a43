using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace IqosBot.Bench.BaselineBot;

/// <summary>
/// Echoes the customer's text. It also loads, changes and saves conversation state every turn,
/// because a real bot does that work too and the baseline should not be cheaper for skipping it.
/// </summary>
public sealed class EchoBot(ConversationState conversationState) : ActivityHandler
{
    private readonly IStatePropertyAccessor<int> _turnCount = conversationState.CreateProperty<int>("TurnCount");

    public override async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        await base.OnTurnAsync(turnContext, cancellationToken);
        await conversationState.SaveChangesAsync(turnContext, force: false, cancellationToken);
    }

    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        var turn = await _turnCount.GetAsync(turnContext, () => 0, cancellationToken) + 1;
        await _turnCount.SetAsync(turnContext, turn, cancellationToken);
        var text = turnContext.Activity.Text ?? string.Empty;
        await turnContext.SendActivityAsync(MessageFactory.Text($"Echo {turn}: {text}"), cancellationToken);
    }
}
