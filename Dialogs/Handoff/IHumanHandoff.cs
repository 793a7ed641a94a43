using Microsoft.Bot.Builder;

namespace IqosBot.Dialogs.Handoff;

/// <summary>
/// The way from the bot to people: the agents' queue (or a contact centre), callback tickets for when
/// customer care is closed, and the customer's rating of a finished chat. The host implements it; the
/// dialogs only say what the customer asked for.
/// </summary>
public interface IHumanHandoff
{
    /// <summary>Hands this conversation to a person. From then on the customer's messages go to the agent side, not to the dialogs.</summary>
    Task<HandoffTicket> RequestAgentAsync(ITurnContext turnContext, HandoffRequest request, CancellationToken cancellationToken);

    /// <summary>Stores a callback request the agents see when customer care opens.</summary>
    Task RequestCallbackAsync(ITurnContext turnContext, CallbackRequest request, CancellationToken cancellationToken);

    /// <summary>Stores the customer's 1–5 rating (and optional comment) with the finished case.</summary>
    Task RecordRatingAsync(string caseId, int rating, string? comment, CancellationToken cancellationToken);
}

/// <summary>What the agent should know before saying hello: the customer's language and what the bot was doing.</summary>
/// <param name="Intent">The intent the customer was being helped with (or HumanAgent when they asked straight away).</param>
/// <param name="LastDialog">The journey that could not go on, if any (e.g. RegistrationDialog).</param>
/// <param name="Description">The customer's own one-line description, or null when skipped.</param>
public sealed record HandoffRequest(string Language, string? Intent, string? LastDialog, string? Description);

/// <summary>Where the customer stands. Position and wait are null when a contact centre queues the conversation instead.</summary>
public sealed record HandoffTicket(string CaseId, int? Position, int? EstimatedMinutes);

/// <summary>A request to be called back; stored only with the customer's consent.</summary>
public sealed record CallbackRequest(string Language, string Phone, string? Intent, string? LastDialog);
