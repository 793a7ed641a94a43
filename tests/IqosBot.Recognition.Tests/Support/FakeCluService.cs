using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace IqosBot.Recognition.Tests.Support;

/// <summary>How the stand-in CLU answers one request; it can read what the request carried.</summary>
public delegate Task CluReply(HttpContext context, ReceivedRequest request);

/// <summary>One request as the stand-in CLU received it.</summary>
public sealed record ReceivedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Query, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
}

/// <summary>
/// A stand-in for the Azure AI Language endpoint: Kestrel on 127.0.0.1 with a port of its own, answering
/// the n-th request with the n-th scripted reply (the last one repeats) and recording every request.
/// </summary>
public sealed class FakeCluService : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly CluReply[] _script;
    private readonly ConcurrentQueue<ReceivedRequest> _received = new();
    private int _count;

    private FakeCluService(CluReply[] script)
    {
        _script = script;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.Run(HandleAsync);
    }

    /// <summary>The endpoint to configure as Clu:Endpoint, e.g. http://127.0.0.1:41234/.</summary>
    public Uri Endpoint { get; private set; } = null!;

    public IReadOnlyList<ReceivedRequest> Requests => _received.ToArray();

    public static async Task<FakeCluService> StartAsync(params CluReply[] script)
    {
        if (script.Length == 0)
        {
            throw new ArgumentException("Script at least one reply.", nameof(script));
        }

        var service = new FakeCluService(script);
        await service._app.StartAsync();
        service.Endpoint = new Uri(service._app.Urls.Single() + "/");
        return service;
    }

    public async ValueTask DisposeAsync()
    {
        // Replies that are still waiting (a "slow" CLU) end with the application.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await _app.StopAsync(timeout.Token);
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var request = new ReceivedRequest(
            context.Request.Method,
            context.Request.Path.Value ?? string.Empty,
            context.Request.Query.ToDictionary(pair => pair.Key, pair => pair.Value.ToString()),
            context.Request.Headers.ToDictionary(pair => pair.Key, pair => pair.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            await reader.ReadToEndAsync(context.RequestAborted));
        _received.Enqueue(request);

        var index = Interlocked.Increment(ref _count) - 1;
        await _script[Math.Min(index, _script.Length - 1)](context, request);
    }
}

/// <summary>Replies shaped like the real service's (api-version 2024-11-01).</summary>
public static class CluReplies
{
    public const string RequestIdHeader = "apim-request-id";

    /// <summary>200 with a conversation prediction; CLU echoes the text as "query".</summary>
    public static CluReply Prediction(string topIntent, params (string Intent, double Score)[] intents) => (context, request) =>
    {
        var query = request.Json.GetProperty("analysisInput").GetProperty("conversationItem").GetProperty("text").GetString();
        var body = new
        {
            kind = "ConversationResult",
            result = new
            {
                query,
                prediction = new
                {
                    topIntent,
                    projectKind = "Conversation",
                    intents = intents.Select(intent => new { category = intent.Intent, confidenceScore = intent.Score }),
                    entities = Array.Empty<object>(),
                },
            },
        };
        context.Response.Headers[RequestIdHeader] = Guid.NewGuid().ToString();
        return context.Response.WriteAsJsonAsync(body);
    };

    /// <summary>An error status with CLU's error body and a request id.</summary>
    public static CluReply Error(int status, string code, string requestId, string? retryAfter = null) => (context, _) =>
    {
        context.Response.StatusCode = status;
        context.Response.Headers[RequestIdHeader] = requestId;
        if (retryAfter is not null)
        {
            context.Response.Headers.RetryAfter = retryAfter;
        }

        return context.Response.WriteAsJsonAsync(new { error = new { code, message = $"Scripted {status}." } });
    };

    public static CluReply Throttled(string retryAfter) => Error(429, "TooManyRequests", Guid.NewGuid().ToString(), retryAfter);

    /// <summary>Any status and body, verbatim.</summary>
    public static CluReply Raw(int status, string contentType, string body) => async (context, _) =>
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        context.Response.Headers[RequestIdHeader] = Guid.NewGuid().ToString();
        await context.Response.WriteAsync(body);
    };

    /// <summary>Waits this long (or until the caller gives up) before a prediction.</summary>
    public static CluReply Slow(TimeSpan delay, CluReply then) => async (context, request) =>
    {
        try
        {
            await Task.Delay(delay, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        await then(context, request);
    };
}
