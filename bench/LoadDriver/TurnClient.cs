using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace IqosBot.Bench.LoadDriver;

public enum TurnStatus { Ok, NoReply, Error }

/// <summary>How one turn went. HttpStatus is null when no HTTP answer came at all (refused, reset, timed out).</summary>
public readonly record struct TurnOutcome(TurnStatus Status, double LatencyMs, int? HttpStatus, string? Problem);

/// <summary>Sends one activity and judges the answer: OK means HTTP 200 with at least one message activity.</summary>
public sealed class TurnClient : IDisposable
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };
    private readonly HttpClient _http;
    private readonly Uri _endpoint;

    public TurnClient(Uri endpoint, TimeSpan timeout, int connections)
    {
        _endpoint = endpoint;
        _http = LoopbackHttp.Create(timeout, connections);
    }

    public async Task<TurnOutcome> SendAsync(byte[] activity, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(activity);
        content.Headers.ContentType = Json;
        var start = Stopwatch.GetTimestamp();
        try
        {
            using var response = await _http.PostAsync(_endpoint, content, cancellationToken);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            // The latency ends when the whole reply has arrived; judging it is the driver's own cost.
            var latencyMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            if (!response.IsSuccessStatusCode)
                return new(TurnStatus.Error, latencyMs, (int)response.StatusCode, $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
            if (response.StatusCode != HttpStatusCode.OK || !HasMessage(body))
                return new(TurnStatus.NoReply, latencyMs, (int)response.StatusCode, $"HTTP {(int)response.StatusCode} without a message activity");
            return new(TurnStatus.Ok, latencyMs, (int)response.StatusCode, null);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is HttpRequestException or TaskCanceledException or IOException)
        {
            // IOException: the connection broke while the body was arriving.
            // TaskCanceledException without our own cancellation is HttpClient's per-request timeout.
            var problem = e is TaskCanceledException ? "timed out" : e.Message;
            return new(TurnStatus.Error, Stopwatch.GetElapsedTime(start).TotalMilliseconds, null, problem);
        }
    }

    /// <summary>True when the body is <c>{"activities":[...]}</c> holding an activity of type message.</summary>
    private static bool HasMessage(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("activities", out var activities)
                && activities.ValueKind == JsonValueKind.Array
                && activities.EnumerateArray().Any(a =>
                    a.ValueKind == JsonValueKind.Object
                    && a.TryGetProperty("type", out var type)
                    && type.ValueKind == JsonValueKind.String
                    && type.GetString() == "message");
        }
        catch (JsonException)
        {
            return false;
        }
    }

    public void Dispose() => _http.Dispose();
}
