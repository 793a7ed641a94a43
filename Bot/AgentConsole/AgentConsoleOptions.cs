namespace IqosBot.AgentConsole;

/// <summary>
/// Who may use the agent console (section "AgentConsole"): accounts with hashed passwords for the
/// embedded default, or an OpenID Connect provider (Entra ID, …) in production.
/// </summary>
public sealed class AgentConsoleOptions
{
    public const string SectionName = "AgentConsole";

    public List<AgentAccount> Accounts { get; set; } = [];

    /// <summary>Set Authority and ClientId to sign agents in with OpenID Connect instead of the account list.</summary>
    public AgentOpenIdConnectOptions OpenIdConnect { get; set; } = new();
}

public sealed class AgentAccount
{
    public string UserName { get; set; } = string.Empty;

    /// <summary>The name customers see: "Anna from IQOS customer care has joined the chat."</summary>
    public string DisplayName { get; set; } = string.Empty;

    /// <summary>ASP.NET Core Identity's PBKDF2 hash; make one with <c>dotnet run --project tools/IqosBot.Tools -- hash-password</c>.</summary>
    public string PasswordHash { get; set; } = string.Empty;

    /// <summary>A demo account with its password in the repository: the bot refuses to start with one outside Development.</summary>
    public bool Demo { get; set; }

    /// <summary>Extra roles: "privacy" for answering data-subject requests in the console, "lead" for the team's insights.</summary>
    public List<string> Roles { get; set; } = [];
}

public sealed class AgentOpenIdConnectOptions
{
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>Only users with this role claim may use the console (e.g. an Entra ID app role "Agent"); empty lets any signed-in user in.</summary>
    public string? RequiredRole { get; set; }

    /// <summary>The role claim (e.g. an Entra ID app role) that lets a user answer data-subject requests; "privacy" by default.</summary>
    public string PrivacyRole { get; set; } = AgentConsoleDefaults.PrivacyRole;

    /// <summary>The role claim that lets a user read the team's insights; "lead" by default.</summary>
    public string LeadRole { get; set; } = AgentConsoleDefaults.LeadRole;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId);
}
