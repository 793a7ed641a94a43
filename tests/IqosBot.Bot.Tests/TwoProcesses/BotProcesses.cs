using IqosBot.Bot.Tests.Handoff;

namespace IqosBot.Bot.Tests.TwoProcesses;

/// <summary>What every instance of a deployment shares: the PostgreSQL database, Redis, and the benefits API.</summary>
public sealed record SharedServices(string PostgresConnectionString, string RedisConnectionString, Uri BenefitsApi);

/// <summary>
/// The bot and the benefits API sandbox as separate processes, configured the way two instances of one
/// deployment are: the same PostgreSQL database, Redis, Direct Line secret and benefits API; each its own port
/// and temporary folder.
/// </summary>
public static class BotProcesses
{
    /// <summary>One secret for all instances: a token minted by one must be accepted by the others.</summary>
    public const string DirectLineSecret = "scale-out-directline-secret-0123456789abcdef";

    public const string SandboxApiKey = "scale-out-sandbox-key";

    /// <summary>
    /// An instance of the bot. Development, so the start-up safety checks (which would want an app id and the
    /// real benefits API) stay out of the way; the agents are the handoff tests' Anna and Bertil (replacing the
    /// demo accounts); customer care is open around the clock, so a person is always offered.
    /// </summary>
    public static ServerProcess Bot(string name, int port, string folder, SharedServices shared)
    {
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Urls"] = $"http://127.0.0.1:{port}",
            ["Storage__Provider"] = "Postgres",
            ["ConnectionStrings__Postgres"] = shared.PostgresConnectionString,
            ["ConnectionStrings__Redis"] = shared.RedisConnectionString,
            // What is still kept in files (until it moves to PostgreSQL) goes to this instance's own folder.
            ["Storage__Path"] = Path.Combine(folder, "state.db"),
            ["Benefits__BaseUrl"] = shared.BenefitsApi.ToString(),
            ["Benefits__ApiKey"] = SandboxApiKey,
            ["DirectLine__Secret"] = DirectLineSecret,
            // One test client is thousands of customers from one address: the limits have tests of their own.
            ["RateLimits__Enabled"] = "false",
        };
        foreach (var (key, value) in Agents.Settings())
        {
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = value!;
        }

        // Both weekly rules of appsettings.json replaced: every day, from midnight to the last tick before the next.
        for (var rule = 0; rule < 2; rule++)
        {
            environment[$"Support__OpeningHours__{rule}__From"] = "Monday";
            environment[$"Support__OpeningHours__{rule}__To"] = "Sunday";
            environment[$"Support__OpeningHours__{rule}__Open"] = "00:00";
            environment[$"Support__OpeningHours__{rule}__Close"] = "23:59:59.9999999";
        }

        return new ServerProcess(name, BuildOutput.Program("Bot", "IqosBot.Bot"), port, environment, "/readyz");
    }

    /// <summary>The benefits API sandbox on its own (Sandbox.Host), one for all instances, as the real API is.</summary>
    public static ServerProcess Sandbox(int port, string folder)
    {
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Urls"] = $"http://127.0.0.1:{port}",
            ["Benefits__Sandbox__ApiKey"] = SandboxApiKey,
            ["Benefits__Sandbox__DatabasePath"] = SandboxDatabase(folder),
        };

        // It has no probe of its own: any HTTP answer means it is listening (its demo data is seeded at start).
        return new ServerProcess("sandbox", BuildOutput.Program("Sandbox.Host", "IqosBot.Sandbox.Host"), port, environment, "/", anyAnswerIsReady: true);
    }

    public static string SandboxDatabase(string folder) => Path.Combine(folder, "benefits-sandbox.db");

    public static Uri SandboxApi(int port) => new($"http://127.0.0.1:{port}/sandbox/benefits/");
}
