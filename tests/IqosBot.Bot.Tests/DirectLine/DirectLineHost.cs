using IqosBot.Bot.Tests.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IqosBot.Bot.Tests.DirectLine;

/// <summary>
/// The real bot host (Program) with its Direct Line endpoint, on an in-memory test server with its own
/// state file and a Direct Line secret of its own. Two hosts on the same file and secret stand for the bot before and after a restart.
/// </summary>
public sealed class DirectLineHost : WebApplicationFactory<Program>
{
    public const string Secret = "test-directline-secret-0123456789";

    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;

    public DirectLineHost(string databasePath, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        _settings = new Dictionary<string, string?>
        {
            ["Storage:Path"] = databasePath,
            ["Benefits:Sandbox:DatabasePath"] = Path.Combine(Path.GetDirectoryName(databasePath)!, "benefits-sandbox.db"),
            ["DirectLine:Secret"] = Secret,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }

        _services = services;
    }

    public Sandbox.CapturedLogs Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Debug));
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton(SharedRecognizer.Instance);
            services.AddHttpClient(global::IqosBot.Benefits.BenefitsApiClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => Server.CreateHandler());

            _services?.Invoke(services);
        });
    }
}
