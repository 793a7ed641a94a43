using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace IqosBot.Bot.Tests.Benefits;

/// <summary>
/// A stand-in benefits API whose every answer a test scripts: a minimal Kestrel app on 127.0.0.1 (a free
/// port) that counts the requests it receives and hands each to <see cref="Handler"/> with its 1-based number.
/// </summary>
public sealed class ScriptedServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _count;

    private ScriptedServer(WebApplication app)
    {
        _app = app;
        BaseUrl = new Uri(app.Urls.Single().TrimEnd('/') + "/api/benefits/");
    }

    /// <summary>The API's base address as the client is configured with it.</summary>
    public Uri BaseUrl { get; }

    /// <summary>How many requests reached the server so far.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>What each request carried, in arrival order.</summary>
    public ConcurrentQueue<ArrivedRequest> Arrived { get; } = new();

    /// <summary>Answers the n-th request (1-based). Replace it at any time.</summary>
    public Func<HttpContext, int, Task> Handler { get; set; } = (context, _) => Respond(context, 500);

    public static async Task<ScriptedServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();

        var app = builder.Build();
        ScriptedServer? server = null;
        app.Run(context =>
        {
            var number = Interlocked.Increment(ref server!._count);
            server.Arrived.Enqueue(new ArrivedRequest(
                number,
                DateTimeOffset.UtcNow,
                context.Request.Method,
                context.Request.Path + context.Request.QueryString,
                context.Request.Headers["Idempotency-Key"].ToString(),
                context.Request.Headers["X-Api-Key"].ToString()));
            return server.Handler(context, number);
        });

        await app.StartAsync();
        server = new ScriptedServer(app);
        return server;
    }

    /// <summary>An answer with a status, optional JSON body, media type and headers.</summary>
    public static async Task Respond(HttpContext context, int status, string? body = null, string mediaType = "application/json", params (string Name, string Value)[] headers)
    {
        context.Response.StatusCode = status;
        foreach (var (name, value) in headers)
        {
            context.Response.Headers[name] = value;
        }

        if (body is not null)
        {
            context.Response.ContentType = mediaType;
            await context.Response.WriteAsync(body, context.RequestAborted);
        }
    }

    public static Task Problem(HttpContext context, int status, string code, params (string Name, string Value)[] headers) =>
        Respond(
            context,
            status,
            $$"""{"type":"https://benefits.example.com/problems/{{code}}","title":"{{code}}","status":{{status}},"detail":"Scripted.","code":"{{code}}"}""",
            "application/problem+json",
            headers);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

public sealed record ArrivedRequest(int Number, DateTimeOffset At, string Method, string PathAndQuery, string IdempotencyKey, string ApiKey);
