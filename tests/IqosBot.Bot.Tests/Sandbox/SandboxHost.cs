using System.Net;
using System.Text;
using System.Text.Json;
using IqosBot.Sandbox.Benefits;
using IqosBot.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace IqosBot.Bot.Tests.Sandbox;

/// <summary>
/// The sandbox as a host would run it: a small WebApplication of its own on Kestrel at 127.0.0.1 (a free
/// port), set up only through AddBenefitsSandbox and MapBenefitsSandbox, and called over real HTTP.
/// Two hosts started one after the other on the same folder are one sandbox restarted.
/// </summary>
public sealed class SandboxHost : IAsyncDisposable
{
    public const string ApiKey = "test-key-0123456789";

    /// <summary>Midday in Stockholm on a mid-month day: month arithmetic has no end-of-month edge to hide behind.</summary>
    public static readonly DateTimeOffset DefaultNow = new(2025, 6, 15, 10, 0, 0, TimeSpan.Zero);

    private readonly WebApplication _app;

    private SandboxHost(WebApplication app, CapturedLogs logs)
    {
        _app = app;
        Logs = logs;
        Http = new HttpClient { BaseAddress = new Uri(app.Urls.Single().TrimEnd('/') + BenefitsSandboxExtensions.RoutePrefix + "/") };
    }

    public HttpClient Http { get; }

    public CapturedLogs Logs { get; }

    /// <summary>The host's services, for what no HTTP endpoint exposes (moving its clock, running retention now).</summary>
    public IServiceProvider Services => _app.Services;

    public string DatabasePath => _app.Services.GetRequiredService<SandboxDatabase>().FilePath;

    /// <summary>Starts a sandbox on <paramref name="contentRoot"/>, its clock stopped at <paramref name="now"/> (default <see cref="DefaultNow"/>).</summary>
    public static async Task<SandboxHost> StartAsync(string contentRoot, DateTimeOffset? now = null, IDictionary<string, string?>? settings = null)
    {
        var app = Build(contentRoot, now, settings, out var logs);
        try
        {
            await app.StartAsync();
            return new SandboxHost(app, logs);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>The host before it starts, for tests of what happens when it does.</summary>
    public static WebApplication Build(string contentRoot, DateTimeOffset? now, IDictionary<string, string?>? settings, out CapturedLogs logs)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = contentRoot, EnvironmentName = "Testing" });
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));

        var configuration = new Dictionary<string, string?> { ["Benefits:Sandbox:ApiKey"] = ApiKey };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(configuration);

        logs = new CapturedLogs();
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Trace);
        builder.Logging.AddProvider(logs);

        // Registered before AddBenefitsSandbox, which only adds the system clock when none is there.
        builder.Services.AddSingleton<TimeProvider>(new FakeTimeProvider(now ?? DefaultNow));
        builder.Services.AddBenefitsSandbox(builder.Configuration);

        var app = builder.Build();
        app.MapBenefitsSandbox();
        return app;
    }

    /// <summary>A registration body as the contract spells it.</summary>
    public static object Registration(string serial, string email, string purchaseDate, bool ageConfirmed = true, bool marketingConsent = false, string language = "sv")
        => new { serial, email, purchaseDate, ageConfirmed, marketingConsent, language };

    /// <summary>POST /v1/registrations with a fresh Idempotency-Key unless one is given.</summary>
    public Task<SandboxReply> RegisterAsync(object body, string? idempotencyKey = null) =>
        PostAsync("v1/registrations", JsonSerializer.Serialize(body), idempotencyKey: idempotencyKey ?? Guid.NewGuid().ToString());

    public Task<SandboxReply> LookupAsync(string serial, string email) =>
        PostAsync("v1/coverage/lookup", JsonSerializer.Serialize(new { serial, email }));

    public Task<SandboxReply> CheckSerialAsync(string serial) =>
        PostAsync("v1/devices/check", JsonSerializer.Serialize(new { serial }));

    public async Task<SandboxReply> PostAsync(string path, string body, string? apiKey = ApiKey, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (apiKey is not null)
        {
            request.Headers.Add("X-Api-Key", apiKey);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        using var response = await Http.SendAsync(request);
        return await SandboxReply.ReadAsync(response);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
