using IqosBot;
using IqosBot.Dialogs.Faq;
using IqosBot.Dialogs.Main;
using IqosBot.Dialogs.Support;
using IqosBot.Endpoints;
using IqosBot.Recognition;
using IqosBot.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.Options;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddOptions<SupportOptions>()
    .Bind(builder.Configuration.GetSection(SupportOptions.SectionName))
    .ValidateDataAnnotations()
    .ValidateOnStart();
builder.Services.AddOptions<PolicyOptions>()
    .Bind(builder.Configuration.GetSection(PolicyOptions.SectionName))
    .ValidateDataAnnotations()
    .ValidateOnStart();
builder.Services.AddOptions<SqliteStorageOptions>()
    .Bind(builder.Configuration.GetSection("Storage"))
    .PostConfigure<IHostEnvironment>((options, environment) =>
        options.Path = Path.GetFullPath(options.Path, environment.ContentRootPath));

// Bot Framework authentication from the conventional keys (MicrosoftAppType, MicrosoftAppId,
// MicrosoftAppPassword, MicrosoftAppTenantId). With no app id, the Emulator is accepted unauthenticated.
builder.Services.AddSingleton<BotFrameworkAuthentication>(services =>
    new ConfigurationBotFrameworkAuthentication(builder.Configuration, logger: services.GetRequiredService<ILogger<BotFrameworkAuthentication>>()));
builder.Services.AddSingleton<AdapterWithErrorHandler>();

builder.Services.AddSingleton<IStorage>(services => new SqliteStorage(services.GetRequiredService<IOptions<SqliteStorageOptions>>().Value));
builder.Services.AddSingleton<ConversationState>();

builder.Services.AddIqosRecognizer(builder.Configuration);
builder.Services.AddSingleton(services => new FaqKnowledge(
    services.GetRequiredService<IOptions<SupportOptions>>().Value,
    services.GetRequiredService<IOptions<PolicyOptions>>().Value));
builder.Services.AddSingleton(services => new MainDialog(
    services.GetRequiredService<IOptions<SupportOptions>>().Value,
    services.GetRequiredService<IRecognizer>(),
    services.GetRequiredService<FaqKnowledge>(),
    services.GetRequiredService<IOptions<RecognizerSettings>>().Value.AmbiguityMargin));
builder.Services.AddTransient<IBot, IqosBot.Bots.IqosBot>();

var app = builder.Build();

// Train the recognizer and load the answers now, so the first customer does not wait for it.
app.Services.GetRequiredService<MainDialog>();

app.MapBotMessages();
app.MapGet("/healthz", () => Results.Ok(new { status = "ok" }));

app.Run();

/// <summary>Entry point, public so that tests can host the bot with WebApplicationFactory.</summary>
public partial class Program;
