namespace IqosBot.AgentConsole;

public static class AgentConsoleDefaults
{
    /// <summary>The console's own cookie scheme, apart from anything else the host may authenticate.</summary>
    public const string CookieScheme = "AgentCookie";

    public const string OpenIdConnectScheme = "AgentOidc";

    public const string Policy = "Agent";

    public const string CsrfHeader = "X-CSRF-TOKEN";
}
