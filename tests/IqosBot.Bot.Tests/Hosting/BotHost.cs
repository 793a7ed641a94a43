using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using IqosBot.Recognition;
using IqosBot.Recognition.Embedded;
using IqosBot.Recognition.Training;
using IqosBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IqosBot.Bot.Tests.Hosting;

/// <summary>
/// The real bot host (Program) on an in-memory test server, with its own SQLite state file.
/// Two hosts built on the same file stand for the same bot before and after a restart.
/// </summary>
public class BotHost : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;

    public BotHost(string databasePath, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        DatabasePath = databasePath;
        _settings = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            ["Storage:Path"] = databasePath,
            ["Benefits:Sandbox:DatabasePath"] = Path.Combine(Path.GetDirectoryName(databasePath)!, "benefits-sandbox.db"),
        };

        // Functional tests make many requests from one address; the limits have tests of their own, which turn them on.
        _settings.TryAdd("RateLimits:Enabled", "false");

        // The warm-up (scripted turns before /readyz says ready) has tests of its own, which turn it on.
        _settings.TryAdd("WarmUp:Rounds", "0");

        // The "Testing" environment is not Development: a test host opts into what a production one may not do.
        _settings.TryAdd("Security:AllowAnonymous", "true");
        _settings.TryAdd("Benefits:Sandbox:Enabled", "true");
        _settings.TryAdd("DirectLine:Secret", "bot-host-tests-secret-0123456789abcdef");
        _services = services;
    }

    public string DatabasePath { get; }

    /// <summary>The host's environment: "Testing" (not Development, so the start-up safety checks apply), or "Production".</summary>
    public string EnvironmentName { get; init; } = "Testing";

    /// <summary>Everything the host logged, at every level.</summary>
    public CapturedLogs Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        builder.ConfigureLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(Microsoft.Extensions.Logging.LogLevel.Trace));
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            // Training takes seconds; every host in the test run shares one recognizer trained the same way.
            services.AddSingleton(SharedRecognizer.Instance);

            // The bot calls the benefits sandbox it serves over HTTP; in memory, that is this test server.
            // A host started on Kestrel (UseKestrel) has no in-memory server: there the sandbox is reached over loopback.
            services.AddHttpClient(global::IqosBot.Benefits.BenefitsApiClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() =>
            {
                try
                {
                    return Server.CreateHandler();
                }
                catch (NotSupportedException)
                {
                    return new SocketsHttpHandler();
                }
            });
            _services?.Invoke(services);
        });
    }
}

/// <summary>The embedded recognizer as the bot trains it with its default settings, trained once per test run.</summary>
internal static class SharedRecognizer
{
    private static readonly Lazy<EmbeddedRecognizer> Lazy = new(() => EmbeddedRecognizer.Train(UtteranceCorpus.LoadEmbedded().Train, new RecognizerSettings()));

    public static EmbeddedRecognizer Instance => Lazy.Value;
}
