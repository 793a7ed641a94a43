using Microsoft.Bot.Builder;

namespace IqosBot.Dialogs.Benefits;

/// <summary>Limits coverage lookups per conversation, so the chat cannot be used to probe serials and e-mails.</summary>
public interface ILookupThrottle
{
    /// <summary>Counts a lookup and says whether it may go ahead.</summary>
    Task<bool> TryAcquireAsync(ITurnContext turnContext, CancellationToken cancellationToken);
}
