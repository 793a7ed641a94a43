using IqosBot.Dialogs.Language;
using IqosBot.Dialogs.Resources;
using IqosBot.Dialogs.Support;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;

namespace IqosBot;

/// <summary>
/// The CloudAdapter with the samples' error handler: a failing turn is logged, the customer gets an
/// apology in their language with a way to reach a person (never the exception text), and the
/// process carries on. One constructor, so dependency injection can build it.
/// </summary>
public sealed class AdapterWithErrorHandler : CloudAdapter
{
    public AdapterWithErrorHandler(BotFrameworkAuthentication auth, IOptionsMonitor<SupportOptions> support, IEnumerable<Microsoft.Bot.Builder.IMiddleware> middleware, ILogger<AdapterWithErrorHandler> logger)
        : base(auth, logger)
    {
        ArgumentNullException.ThrowIfNull(support);
        ArgumentNullException.ThrowIfNull(middleware);

        // Middleware registered for every adapter (the transcript for agents).
        foreach (var item in middleware)
        {
            Use(item);
        }

        OnTurnError = async (turnContext, exception) =>
        {
            // The exception, not the activity: customer text can hold personal data.
            logger.LogError(exception, "Unhandled error in a {ActivityType} turn on {ChannelId}", turnContext.Activity.Type, turnContext.Activity.ChannelId);

            try
            {
                var language = turnContext.FindLanguage()
                    ?? CustomerLanguage.Normalize(turnContext.Activity.Locale)
                    ?? CustomerLanguage.Default;
                var apology = Texts.Format(language, TextKey.ErrorGeneric, support.CurrentValue.Phone);
                await turnContext.SendActivityAsync(MessageFactory.Text(apology)).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // The apology is best effort: its failure must not hide the original error.
            catch (Exception sendFailure)
#pragma warning restore CA1031
            {
                logger.LogError(sendFailure, "Could not tell the customer about the error");
            }
        };
    }

    /// <summary>Authenticates an activity already read and checked by the endpoint, then runs the bot's turn.</summary>
    /// <exception cref="UnauthorizedAccessException">The request's token is missing or invalid.</exception>
    public Task<InvokeResponse> ProcessIncomingAsync(string authHeader, Activity activity, IBot bot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bot);
        return ProcessActivityAsync(authHeader, activity, bot.OnTurnAsync, cancellationToken);
    }
}
