using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;

namespace IqosBot.WebChat.Tests;

/// <summary>
/// The real bot (Program) on a real Kestrel at 127.0.0.1 (Chromium cannot reach a TestServer), with
/// its own state files and Direct Line secret, plus one headless Debian Chromium driven by Playwright.
/// Shared by every browser test; each test opens its own browser context. A derived fixture can pass
/// extra settings or services to the hosted bot (see <see cref="EscalationServer"/>).
/// </summary>
public class WebChatServer : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "iqosbot-webchat-" + Guid.NewGuid().ToString("N"));
    private readonly Action<IWebHostBuilder>? _configure;
    private BotFactory? _factory;
    private IPlaywright? _playwright;

    public WebChatServer()
        : this(null)
    {
    }

    /// <summary>For derived fixtures: <paramref name="configure"/> runs after the defaults (settings, ConfigureTestServices, …).</summary>
    protected WebChatServer(Action<IWebHostBuilder>? configure)
    {
        _configure = configure;
    }

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The running bot's services, for tests that act on the server side (e.g. drop a socket).</summary>
    public IServiceProvider Services => _factory?.Services ?? throw new InvalidOperationException("The server has not started.");

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        var port = FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        _factory = new BotFactory(_folder, _configure);
        _factory.UseKestrel(port);
        _factory.StartServer();

        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: apt-get install -y chromium (scripts/test.sh does it).");
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class BotFactory(string folder, Action<IWebHostBuilder>? configure) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("Storage:Path", Path.Combine(folder, "iqosbot.db"));
            builder.UseSetting("Benefits:Sandbox:DatabasePath", Path.Combine(folder, "benefits-sandbox.db"));

            // Not Development: the page is served like a test deployment that is open and uses the sandbox on purpose.
            builder.UseSetting("Security:AllowAnonymous", "true");
            builder.UseSetting("Benefits:Sandbox:Enabled", "true");
            builder.UseSetting("DirectLine:Secret", "webchat-tests-" + Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N"));
            configure?.Invoke(builder);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class WebChatCollection : ICollectionFixture<WebChatServer>
{
    public const string Name = "Web Chat in Chromium";
}
