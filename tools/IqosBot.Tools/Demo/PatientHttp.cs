using System.Net;

namespace IqosBot.Tools.Demo;

/// <summary>
/// Sends a request and, when the bot answers 429 Too Many Requests (its per-address rate limits: the demo is one
/// address playing hundreds of customers), waits as long as Retry-After says and sends it again, so nothing is lost
/// when the limits are on, only slower. A 429 is the bot's refusal before doing anything, so sending again is safe
/// even for a POST. Every other answer goes back to the caller as it came.
/// </summary>
internal sealed class PatientHttp(HttpClient client, DemoTally tally, TextWriter log)
{
    /// <summary>The bot's windows are a minute (five for agent sign-in); a longer Retry-After is not worth waiting for.</summary>
    private static readonly TimeSpan LongestWait = TimeSpan.FromMinutes(5);

    private static readonly TimeSpan WaitWithoutRetryAfter = TimeSpan.FromSeconds(5);

    private const int MaxAttempts = 30;

    public HttpClient Client { get; } = client;

    /// <param name="request">Makes the request afresh for every attempt: a sent HttpRequestMessage cannot be sent again.</param>
    public async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> request, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var message = request();
            var response = await Client.SendAsync(message, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.TooManyRequests || attempt == MaxAttempts)
            {
                return response;
            }

            var wait = RetryAfter(response);
            response.Dispose();
            if (tally.RateLimited() == 1)
            {
                // Once: the run goes on, only slower. Every later wait is counted in the summary.
                await log.WriteLineAsync($"The bot is rate limiting (429); waiting as it asks. Start it with --RateLimits:Enabled=false for demo traffic.").ConfigureAwait(false);
            }

            await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Retry-After in seconds or as a date, at least a moment and at most <see cref="LongestWait"/>.</summary>
    private static TimeSpan RetryAfter(HttpResponseMessage response)
    {
        var retryAfter = response.Headers.RetryAfter;
        var wait = retryAfter?.Delta
                   ?? (retryAfter?.Date is { } date ? date - DateTimeOffset.UtcNow : WaitWithoutRetryAfter);
        if (wait < TimeSpan.FromMilliseconds(200))
        {
            wait = TimeSpan.FromMilliseconds(200);
        }

        // A little jitter, so the parallel customers do not all come back in the same millisecond.
        return (wait > LongestWait ? LongestWait : wait) + TimeSpan.FromMilliseconds(Random.Shared.Next(0, 300));
    }
}
