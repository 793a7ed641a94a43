namespace IqosBot.Benefits;

/// <summary>Where the benefits API is and how long the bot waits for it (configuration section "Benefits").</summary>
public sealed class BenefitsApiOptions
{
    public const string SectionName = "Benefits";

    /// <summary>The API's base address, ending in "/"; by default the sandbox this bot serves itself.</summary>
    public Uri? BaseUrl { get; set; }

    public string ApiKey { get; set; } = string.Empty;

    /// <summary>One call's limit.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>All attempts together: the customer is waiting in the chat.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>How long the client stops calling after the API kept failing, answering "unavailable" at once.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(15);
}
