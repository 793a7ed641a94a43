using System.ComponentModel.DataAnnotations;

namespace IqosBot.RateLimiting;

/// <summary>How often one client may call the public endpoints (configuration section "RateLimits").</summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimits";

    /// <summary>False turns every limit off (load tests and benchmarks); never in front of customers.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Addresses or networks ("10.0.0.0/8") of the reverse proxies in front of the bot: only their X-Forwarded-For
    /// (and X-Forwarded-Proto) is believed. A network only where nothing but the proxies can reach the bot's port.
    /// </summary>
    public List<string> TrustedProxies { get; set; } = [];

    /// <summary>Direct Line tokens (the page's token endpoint and tokens/generate), per client address.</summary>
    [Required]
    public RateWindow Tokens { get; set; } = new() { PermitLimit = 10, WindowSeconds = 60 };

    /// <summary>New Direct Line conversations, per client address.</summary>
    [Required]
    public RateWindow Conversations { get; set; } = new() { PermitLimit = 10, WindowSeconds = 60 };

    /// <summary>Messages posted to one Direct Line conversation: a person types far fewer.</summary>
    [Required]
    public RateWindow Activities { get; set; } = new() { PermitLimit = 30, WindowSeconds = 60 };

    /// <summary>Uploads to one Direct Line conversation.</summary>
    [Required]
    public RateWindow Uploads { get; set; } = new() { PermitLimit = 5, WindowSeconds = 60 };

    /// <summary>/api/messages per client address while no Bot Framework app id is set (anonymous access).</summary>
    [Required]
    public RateWindow AnonymousMessages { get; set; } = new() { PermitLimit = 60, WindowSeconds = 60 };

    /// <summary>Agent sign-in attempts per client address.</summary>
    [Required]
    public RateWindow SignIn { get; set; } = new() { PermitLimit = 10, WindowSeconds = 300 };
}

/// <summary>At most <see cref="PermitLimit"/> requests in each window of <see cref="WindowSeconds"/>.</summary>
public sealed class RateWindow
{
    [Range(1, 1_000_000)]
    public int PermitLimit { get; set; }

    [Range(1, 86_400)]
    public int WindowSeconds { get; set; }
}
