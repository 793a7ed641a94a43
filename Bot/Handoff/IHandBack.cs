using Microsoft.Bot.Builder;

namespace IqosBot.Handoff;

/// <summary>
/// Gives the conversation back to the bot after an agent closed the chat (a proactive turn in the
/// customer's channel). Implemented by the bot; the handoff side only knows this, so it does not depend
/// on the bot's turn handling.
/// </summary>
public interface IHandBack
{
    Task HandBackAsync(ITurnContext turnContext, string caseId, string agentName, CancellationToken cancellationToken = default);
}
