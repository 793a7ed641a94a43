using IqosBot.Bench.BaselineBot;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;

// The same hosting shape as the SDK's own templates, so that whatever the real bot costs
// beyond this is IqosBot's own doing.
var builder = WebApplication.CreateBuilder(args);

// No MicrosoftAppId configured: the SDK accepts unauthenticated (Emulator-style) requests.
builder.Services.AddSingleton<BotFrameworkAuthentication, ConfigurationBotFrameworkAuthentication>();
builder.Services.AddSingleton<IBotFrameworkHttpAdapter, BaselineAdapter>();
builder.Services.AddSingleton<IStorage, MemoryStorage>();
builder.Services.AddSingleton<ConversationState>();
builder.Services.AddTransient<IBot, EchoBot>();

var app = builder.Build();

app.MapPost("/api/messages", (HttpRequest request, HttpResponse response, IBotFrameworkHttpAdapter adapter, IBot bot) =>
    adapter.ProcessAsync(request, response, bot, request.HttpContext.RequestAborted));

app.Run();
