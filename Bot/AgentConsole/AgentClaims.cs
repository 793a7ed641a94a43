using System.Security.Claims;
using IqosBot.Handoff;

namespace IqosBot.AgentConsole;

/// <summary>The agent behind a request: the account name is the NameIdentifier (also SignalR's user id), the display name is Name.</summary>
public static class AgentClaims
{
    public static ClaimsPrincipal Principal(AgentAccount account, string authenticationType)
    {
        ArgumentNullException.ThrowIfNull(account);
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, account.UserName), new Claim(ClaimTypes.Name, account.DisplayName),
                .. account.Roles.Select(role => new Claim(ClaimTypes.Role, role)),
            ],
            authenticationType);
        return new ClaimsPrincipal(identity);
    }

    public static AgentIdentity Identity(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var userName = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("The agent has no account name.");
        return new AgentIdentity(userName, user.FindFirstValue(ClaimTypes.Name) ?? userName);
    }
}
