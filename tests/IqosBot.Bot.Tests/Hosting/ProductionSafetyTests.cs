namespace IqosBot.Bot.Tests.Hosting;

/// <summary>
/// In Production the bot refuses to start on a configuration that would face customers unsafely, and names
/// every key at fault in one message; a safe configuration starts.
/// </summary>
public sealed class ProductionSafetyTests : IDisposable
{
    private const string LongSecret = "production-secret-0123456789abcdef-0123456789";

    private readonly TempDatabase _database = new();

    /// <summary>Everything a safe open test deployment sets; each test takes one thing away.</summary>
    private static Dictionary<string, string?> Safe() => new()
    {
        ["Security:AllowAnonymous"] = "true",
        ["Benefits:Sandbox:Enabled"] = "true",
        ["DirectLine:Secret"] = LongSecret,
    };

    [Theory]
    [InlineData("Security:AllowAnonymous", "false", "MicrosoftAppId")]
    [InlineData("Benefits:Sandbox:Enabled", "false", "Benefits:BaseUrl")]
    [InlineData("DirectLine:Secret", "dev-directline-secret-change-me", "DirectLine:Secret")]
    [InlineData("DirectLine:Secret", "short-but-not-empty-secret", "DirectLine:Secret")]
    [InlineData("AgentConsole:Accounts:0:Demo", "true", "AgentConsole:Accounts")]
    public void Each_unsafe_setting_alone_stops_the_start_and_is_named(string key, string value, string named)
    {
        var settings = Safe();
        settings[key] = value;
        settings["AgentConsole:Accounts:0:UserName"] = "anna";
        settings["AgentConsole:Accounts:0:PasswordHash"] = "AQAAAAIAAYagAAAAEFBGxOY/15sPl82Wjxm5CPWTH4pJrBdX2PgGrFkr/2xij0YTAo7OkWhF2MJI/Vlz2A==";
        using var host = new BotHost(_database.Path, settings) { EnvironmentName = "Production" };

        var exception = Assert.ThrowsAny<Exception>(() => host.CreateClient());

        Assert.Contains("will not start in the Production environment", exception.ToString(), StringComparison.Ordinal);
        Assert.Contains(named, exception.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_is_listed_at_once()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Security:AllowAnonymous"] = "false",
            ["Benefits:Sandbox:Enabled"] = "false",
            ["DirectLine:Secret"] = "dev-directline-secret-change-me",
            ["AgentConsole:Accounts:0:UserName"] = "erik",
            ["AgentConsole:Accounts:0:Demo"] = "true",
        };
        using var host = new BotHost(_database.Path, settings) { EnvironmentName = "Production" };

        var message = Assert.ThrowsAny<Exception>(() => host.CreateClient()).ToString();

        foreach (var key in new[] { "MicrosoftAppId", "DirectLine:Secret", "Benefits:BaseUrl", "AgentConsole:Accounts" })
        {
            Assert.Contains("- " + key + ":", message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_safe_configuration_starts_and_answers()
    {
        using var host = new BotHost(_database.Path, Safe()) { EnvironmentName = "Production" };

        var reply = await new EmulatorClient(host.CreateClient()).SendTextAsync("hej");

        Assert.NotEmpty(reply.Texts);
    }

    public void Dispose() => _database.Dispose();
}
