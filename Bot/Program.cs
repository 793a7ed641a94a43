using IqosBot.AgentConsole;
using IqosBot.Authentication;
using IqosBot.Benefits;
using IqosBot.Bots;
using IqosBot.Dialogs;
using IqosBot.DirectLine;
using IqosBot.Handoff;
using IqosBot.Insights;
using IqosBot.Dialogs.Main;
using IqosBot.Endpoints;
using IqosBot.Recognition;
using IqosBot.RateLimiting;
using IqosBot.Sandbox.Benefits;
using IqosBot.WebChat;
using IqosBot.Configuration;
using IqosBot.Privacy;
using IqosBot.Storage;
using IqosBot.Telemetry;
using IqosBot;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.Options;

var builder = WebApplication.CreateBuilder(args);

// Run by the build (IqosBot.Bot.csproj): trains the recognizer and writes its model file, so the bot loads it
// at start-up instead of training for seconds while a new instance is wanted.
if (args is ["--build-recognizer-model", var modelPath, ..])
{
    var recognizerSettings = builder.Configuration.GetSection(RecognizerSettings.SectionName).Get<RecognizerSettings>() ?? new RecognizerSettings();
    var examples = IqosBot.Recognition.Training.UtteranceCorpus.LoadEmbedded().Train;
    IqosBot.Recognition.Embedded.EmbeddedRecognizer.Train(examples, recognizerSettings).Save(modelPath, examples, recognizerSettings);
    Console.WriteLine($"Recognizer model written to {modelPath}");
    return;
}

// No request body larger than this on any endpoint (Direct Line uploads and /api/messages set their own, smaller, limits).
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = 2 * 1024 * 1024);

// Outside Development: no start on a configuration that would face customers unsafely (every key at fault listed).
IqosBot.Configuration.ProductionSafety.EnsureSafe(builder.Configuration, builder.Environment);

builder.Services.AddOptions<SqliteStorageOptions>()
    .Bind(builder.Configuration.GetSection("Storage"))
    .PostConfigure<IHostEnvironment>((options, environment) =>
        options.Path = Path.GetFullPath(options.Path, environment.ContentRootPath));

// Bot Framework authentication from the conventional keys (MicrosoftAppType, MicrosoftAppId,
// MicrosoftAppPassword, MicrosoftAppTenantId). With no app id, the Emulator is accepted unauthenticated.
builder.Services.AddSingleton<BotFrameworkAuthentication>(services => new ClientReusingAuthentication(
    new ConfigurationBotFrameworkAuthentication(builder.Configuration, logger: services.GetRequiredService<ILogger<BotFrameworkAuthentication>>())));
builder.Services.AddSingleton<AdapterWithErrorHandler>();
builder.Services.AddSingleton<ReplyHosts>();

// With ConnectionStrings:Redis, the one connection to Redis that several instances share things through (the
// features below that need it ask for it too); nothing without it.
builder.Services.AddSharedRedis(builder.Configuration);

// Self-hosted Direct Line 3.0 for Web Chat where there is no Azure Bot Service (same IBot, in process).
builder.Services.AddDirectLine(builder.Configuration);

// The benefits API: an external service when Benefits:BaseUrl is set, otherwise the sandbox served here.
var useBenefitsSandbox = builder.Configuration.GetSection(BenefitsApiOptions.SectionName).Get<BenefitsApiOptions>()?.BaseUrl is null;
if (useBenefitsSandbox)
{
    builder.Services.AddBenefitsSandbox(builder.Configuration);
}

builder.Services.AddBenefitsApiClient(builder.Configuration);

builder.Services.AddBotState(builder.Configuration);
builder.Services.AddSingleton<ConversationState, SerializeOnceConversationState>();

builder.Services.AddIqosRecognizer(builder.Configuration);

// Watching it run: a span and metrics per turn, first in every adapter's pipeline; the OpenTelemetry SDK with its
// exporters only when OTEL_EXPORTER_OTLP_ENDPOINT or APPLICATIONINSIGHTS_CONNECTION_STRING is set (Telemetry/).
builder.Services.AddIqosTelemetry(builder.Configuration);

// People: the queue, the agent console at /agent (or a contact centre), callbacks and ratings.
// Next in every adapter's pipeline: over-long messages are cut before anything reads or keeps them.
builder.Services.AddOptions<MessageOptions>()
    .Bind(builder.Configuration.GetSection(MessageOptions.SectionName))
    .ValidateDataAnnotations()
    .ValidateOnStart();
builder.Services.AddSingleton<Microsoft.Bot.Builder.IMiddleware, LongMessageGuard>();

// Limits on what one client may ask of the public endpoints (RateLimits; off with RateLimits:Enabled=false).
builder.Services.AddIqosRateLimits(builder.Configuration);

builder.Services.AddHandoff(builder.Configuration);
builder.Services.AddAgentConsole(builder.Configuration);

// The team's insights: events without personal data from every turn, read by team leads at /agent/insights.
builder.Services.AddInsights(builder.Configuration);
builder.Services.AddSharedDataProtectionKeys(builder.Configuration);

// Personal data: kept only as long as the README's table says; one person's data exported or erased on request.
builder.Services.AddPersonalDataProtection(builder.Configuration, builder.Environment.ContentRootPath);
// The conversation: the main dialog and every journey, from typed options (Support, Policy, Claims, Recognizer).
builder.Services.AddIqosDialogs(builder.Configuration);
builder.Services.AddTransient<IqosBot.Bots.IqosBot>();
builder.Services.AddTransient<IBot>(services => services.GetRequiredService<IqosBot.Bots.IqosBot>());
builder.Services.AddTransient<IHandBack>(services => services.GetRequiredService<IqosBot.Bots.IqosBot>());

// Before /readyz says ready: a short scripted conversation through the bot, so the first customers meet compiled code.
builder.Services.AddOptions<IqosBot.Hosting.WarmUpOptions>().Bind(builder.Configuration.GetSection(IqosBot.Hosting.WarmUpOptions.SectionName));
builder.Services.AddSingleton<IqosBot.Hosting.WarmUp>();
builder.Services.AddHostedService(services => services.GetRequiredService<IqosBot.Hosting.WarmUp>());
builder.Services.AddHealthChecks().AddCheck<IqosBot.Hosting.WarmUp>("warm", tags: [HealthEndpoint.ReadyTag]);

var app = builder.Build();

// Load the recognizer (from its model file, or trained when the file is missing or stale) and the answers now, so the first customer does not wait for it.
app.Services.GetRequiredService<MainDialog>();

// The scheme a TLS-terminating proxy in RateLimits:TrustedProxies reports (X-Forwarded-Proto), before anything reads it.
app.UseForwardedHeaders();

// The customer-facing chat page (wwwroot/index.html) and its token endpoint (Bot/WebChat).
app.UseDefaultFiles();
app.UseStaticFiles();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.MapWebChatToken();
app.MapAgentConsole();
app.MapInsights();

app.MapBotMessages();
app.MapDirectLine();
if (useBenefitsSandbox)
{
    app.MapBenefitsSandbox();
}

app.MapHealth();

app.Run();

/// <summary>Entry point, public so that tests can host the bot with WebApplicationFactory.</summary>
public partial class Program;
