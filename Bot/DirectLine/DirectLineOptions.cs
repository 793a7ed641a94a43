using Microsoft.Extensions.Options;

namespace IqosBot.DirectLine;

/// <summary>The self-hosted Direct Line 3.0 endpoint, configuration section <c>DirectLine</c>.</summary>
public sealed class DirectLineOptions
{
    public const string SectionName = "DirectLine";

    /// <summary>The development default shipped in appsettings.json; refused in Production.</summary>
    public const string DevelopmentSecret = "dev-directline-secret-change-me";

    /// <summary>The Direct Line secret: sites swap it for tokens, and it signs every token. Never sent to a browser.</summary>
    public string Secret { get; set; } = "";

    /// <summary>How long a token is valid; Web Chat refreshes every 15 minutes, so keep it above that.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    public string BotId { get; set; } = "iqosbot";

    public string BotName { get; set; } = "IQOS";

    /// <summary>Interval of the empty keep-alive text frames on each stream socket.</summary>
    public TimeSpan StreamKeepAlive { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The newest activities kept per conversation; older ones are dropped.</summary>
    public int MaxActivitiesPerConversation { get; set; } = 1000;

    /// <summary>A conversation nobody has touched for this long leaves memory (it is read back from the database when it returns).</summary>
    public TimeSpan IdleEviction { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A conversation with no activity for this long is deleted from the database with everything in it (and its token stops working).</summary>
    public TimeSpan ConversationRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// A conversation that still owes the customer a turn with nothing appended for this long lost it with an instance
    /// that stopped: another instance runs it (<see cref="StalledTurnSweeper"/>). Well above a slow turn's length.
    /// </summary>
    public TimeSpan StalledTurnAfter { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Largest file accepted by the upload route, in bytes.</summary>
    public int MaxUploadBytes { get; set; } = 256 * 1024;

    /// <summary>Origins of the sites that embed the chat (CORS on Direct Line and the page's token endpoint), e.g. "https://www.example.se". Empty: same origin only.</summary>
    public string[] AllowedOrigins { get; set; } = [];
}

/// <summary>Refuses to start with no secret, a short one, or the development default outside development.</summary>
internal sealed class DirectLineOptionsValidator : IValidateOptions<DirectLineOptions>
{
    public ValidateOptionsResult Validate(string? name, DirectLineOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Secret))
        {
            failures.Add("DirectLine:Secret is required: it signs the Direct Line tokens. Set it in configuration, e.g. the environment variable DirectLine__Secret.");
        }
        else if (options.Secret.Length < 16)
        {
            failures.Add("DirectLine:Secret must be at least 16 characters long.");
        }

        // The development default and short secrets outside Development: Configuration/ProductionSafety, with the other start-up checks.

        if (options.TokenLifetime <= TimeSpan.Zero)
        {
            failures.Add("DirectLine:TokenLifetime must be positive (Web Chat refreshes tokens every 15 minutes; use 30 minutes or more).");
        }

        if (string.IsNullOrWhiteSpace(options.BotId))
        {
            failures.Add("DirectLine:BotId is required.");
        }

        if (options.StreamKeepAlive <= TimeSpan.Zero)
        {
            failures.Add("DirectLine:StreamKeepAlive must be positive.");
        }

        if (options.MaxActivitiesPerConversation < 10)
        {
            failures.Add("DirectLine:MaxActivitiesPerConversation must be at least 10.");
        }

        if (options.MaxUploadBytes <= 0)
        {
            failures.Add("DirectLine:MaxUploadBytes must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
