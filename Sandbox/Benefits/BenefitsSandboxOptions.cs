using System.ComponentModel.DataAnnotations;

namespace IqosBot.Sandbox.Benefits;

/// <summary>
/// The benefits API sandbox (configuration section "Benefits:Sandbox"): the key clients must send and where
/// the sandbox keeps its data. The policy periods are the sandbox CRM's own, like the real CRM's: the bot's
/// "Policy" section only feeds FAQ wording, so the two are configured apart on purpose.
/// </summary>
public sealed class BenefitsSandboxOptions
{
    public const string SectionName = "Benefits:Sandbox";

    /// <summary>
    /// The value clients send in <c>X-Api-Key</c>. No default: a sandbox reachable without a deliberate key
    /// would be an open door, so the host refuses to start until one is configured.
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>The SQLite file; a relative path is resolved against the content root. Created if missing.</summary>
    public string DatabasePath { get; set; } = "data/benefits-sandbox.db";

    /// <summary>Days the sandbox keeps what customers put into it (accounts, registrations, claims); the demo data stays.</summary>
    [Range(1, 365)]
    public int RetentionDays { get; set; } = 30;

    [Range(1, 120)]
    public int WarrantyMonths { get; set; } = 12;

    [Range(1, 120)]
    public int BenefitProgramMonths { get; set; } = 12;

    [Range(1, 120)]
    public int AccidentalDamageMonths { get; set; } = 12;

    [Range(1, 365)]
    public int MoneyBackDays { get; set; } = 60;

    /// <summary>
    /// Requests per API key per minute before 429 <c>rate-limited</c>, so the bot's handling of the real
    /// CRM's throttling can be tried offline too.
    /// </summary>
    [Range(1, 1_000_000)]
    public int RequestsPerMinute { get; set; } = 120;
}
