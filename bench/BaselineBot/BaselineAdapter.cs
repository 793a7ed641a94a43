using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;

namespace IqosBot.Bench.BaselineBot;

/// <summary>
/// CloudAdapter as the SDK templates register it. The subclass exists because CloudAdapter has two
/// public constructors that dependency injection finds ambiguous; this one has exactly one.
/// </summary>
public sealed class BaselineAdapter : CloudAdapter
{
    public BaselineAdapter(BotFrameworkAuthentication auth, ILogger<BaselineAdapter> logger)
        : base(auth, logger)
    {
        // Without a handler a failing turn would only surface as an HTTP 500; log why.
        OnTurnError = (turnContext, exception) =>
        {
            logger.LogError(exception, "Turn failed");
            return Task.CompletedTask;
        };
    }
}
