using IqosBot.DirectLine;

namespace IqosBot.Configuration;

/// <summary>
/// Outside Development the bot refuses to start on a configuration that would face customers unsafely, and
/// says every key at fault at once (not only the first), so one look at the log fixes the deployment.
/// </summary>
public static class ProductionSafety
{
    /// <summary>Below this a Direct Line secret is guessable enough to mint tokens with.</summary>
    public const int MinimumSecretLength = 32;

    public static IReadOnlyList<string> Problems(IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        if (environment.IsDevelopment())
        {
            return [];
        }

        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(configuration["MicrosoftAppId"]) && !configuration.GetValue<bool>("Security:AllowAnonymous"))
        {
            problems.Add("MicrosoftAppId: no Bot Framework app id, so /api/messages would take anonymous activities. Set MicrosoftAppId (and MicrosoftAppPassword), or Security:AllowAnonymous=true for a deliberately open test deployment.");
        }

        var secret = configuration["DirectLine:Secret"];
        // An empty secret is DirectLineOptions' own "required" refusal, in every environment.
        if (!string.IsNullOrEmpty(secret) && (secret == DirectLineOptions.DevelopmentSecret || secret.Length < MinimumSecretLength))
        {
            problems.Add($"DirectLine:Secret: the development default or shorter than {MinimumSecretLength} characters; it signs every Direct Line token. Set a long random secret, e.g. the environment variable DirectLine__Secret.");
        }

        if (string.IsNullOrWhiteSpace(configuration["Benefits:BaseUrl"]) && !configuration.GetValue<bool>("Benefits:Sandbox:Enabled"))
        {
            problems.Add("Benefits:BaseUrl: not set, so the bot would serve the benefits sandbox's demo data to customers. Set the real API's address, or Benefits:Sandbox:Enabled=true to serve the sandbox on purpose.");
        }

        var accounts = configuration.GetSection("AgentConsole:Accounts").GetChildren().ToList();
        if (accounts.Any(account => account.GetValue<bool>("Demo")))
        {
            problems.Add("AgentConsole:Accounts: demo agent accounts (Demo: true, with passwords in the repository) are configured. Remove them and configure real accounts or OpenID Connect.");
        }

        return problems;
    }

    /// <summary>Throws with every problem listed, before the host starts; nothing when the configuration is safe.</summary>
    public static void EnsureSafe(IConfiguration configuration, IHostEnvironment environment)
    {
        var problems = Problems(configuration, environment);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(
                $"The bot will not start in the {environment.EnvironmentName} environment with this configuration:{Environment.NewLine}- "
                + string.Join(Environment.NewLine + "- ", problems));
        }
    }
}
