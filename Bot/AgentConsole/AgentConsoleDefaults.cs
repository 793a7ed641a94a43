namespace IqosBot.AgentConsole;

public static class AgentConsoleDefaults
{
    /// <summary>The console's own cookie scheme, apart from anything else the host may authenticate.</summary>
    public const string CookieScheme = "AgentCookie";

    public const string OpenIdConnectScheme = "AgentOidc";

    public const string Policy = "Agent";

    /// <summary>Agents who may answer data-subject requests (export and erase one person's data) in the console.</summary>
    public const string PrivacyPolicy = "AgentPrivacy";

    /// <summary>The role an account (<see cref="AgentAccount.Roles"/>) or an OpenID Connect user must hold for <see cref="PrivacyPolicy"/>.</summary>
    public const string PrivacyRole = "privacy";

    /// <summary>Team leads, who read the insights (<c>/agent/insights</c>).</summary>
    public const string LeadPolicy = "AgentLead";

    /// <summary>The role an account (<see cref="AgentAccount.Roles"/>) or an OpenID Connect user must hold for <see cref="LeadPolicy"/>.</summary>
    public const string LeadRole = "lead";

    public const string CsrfHeader = "X-CSRF-TOKEN";
}
