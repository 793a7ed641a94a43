using IqosBot.Bot.Tests.Handoff;
using IqosBot.Bot.Tests.Hosting;
using Microsoft.AspNetCore.Identity;

namespace IqosBot.Bot.Tests.Insights;

/// <summary>The agents of <see cref="Agents"/> plus Lea, a team lead (role "lead"), with the same password.</summary>
public static class TeamLead
{
    public const string Lea = "lea";

    /// <summary>Wednesday 25 November 2026 in Stockholm, the day <see cref="ShiftedClock.Open"/> falls on.</summary>
    public const string Day = "2026-11-25";

    public static Dictionary<string, string?> Settings(IDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["AgentConsole:Accounts:2:UserName"] = Lea,
            ["AgentConsole:Accounts:2:DisplayName"] = "Lea",
            ["AgentConsole:Accounts:2:PasswordHash"] = new PasswordHasher<AgentConsole.AgentAccount>().HashPassword(null!, Agents.Password),
            ["AgentConsole:Accounts:2:Roles:0"] = "lead",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>A Direct Line host with Anna, Bertil and Lea, customer care open.</summary>
    public static DirectLine.DirectLineHost Host(string databasePath, IDictionary<string, string?>? extra = null)
        => Agents.Host(databasePath, extra: Settings(extra));

    public static Task<AgentBrowser> SignedInAsync(BotHost host) => AgentBrowser.SignedInAsync(host, Lea);

    public static string Range(string? language = null) => $"from={Day}&to={Day}" + (language is null ? string.Empty : "&language=" + language);
}
