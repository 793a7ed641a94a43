using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace IqosBot.Bot.Tests.TwoProcesses;

/// <summary>
/// How a client reaches a deployment that may lose an instance: each request goes to one instance at random,
/// and when that one cannot be reached (connection refused or reset, no answer) the same request goes to the
/// other. Any HTTP answer, error or not, is the answer. Gives up after a minute of nothing answering.
/// </summary>
/// <remarks>Safe to share between a customer's posts and its socket's reconnects.</remarks>
public sealed class Failover(IReadOnlyList<HttpClient> instances, Random random)
{
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(1);

    private int _failedOver;

    /// <summary>How many requests had to go to another instance than the one picked first.</summary>
    public int FailedOver => Volatile.Read(ref _failedOver);

    public Task<Answer> PostAsync(string path, string? bearer, string? json, CancellationToken cancellationToken)
        => SendAsync(HttpMethod.Post, path, bearer, json, cancellationToken);

    public Task<Answer> GetAsync(string path, string? bearer, CancellationToken cancellationToken)
        => SendAsync(HttpMethod.Get, path, bearer, json: null, cancellationToken);

    public async Task<Answer> SendAsync(HttpMethod method, string path, string? bearer, string? json, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + GiveUpAfter;
        var failures = new List<string>();
        while (true)
        {
            int first;
            lock (random)
            {
                first = random.Next(instances.Count);
            }

            for (var offset = 0; offset < instances.Count; offset++)
            {
                var instance = instances[(first + offset) % instances.Count];
                using var request = new HttpRequestMessage(method, path);
                if (json is not null)
                {
                    request.Content = new StringContent(json, Encoding.UTF8, "application/json");
                }

                if (bearer is not null)
                {
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
                }

                try
                {
                    using var response = await instance.SendAsync(request, cancellationToken);
                    return new Answer(response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken), instance.BaseAddress!.Authority);
                }
                catch (Exception exception) when (Unreachable(exception, cancellationToken))
                {
                    failures.Add($"{instance.BaseAddress}: {exception.GetType().Name} {exception.Message}");
                    Interlocked.Increment(ref _failedOver);
                }
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"{method} {path}: no instance answered within {GiveUpAfter.TotalSeconds} s: " + string.Join("; ", failures.TakeLast(4)));
            }

            await Task.Delay(250, cancellationToken);
        }
    }

    /// <summary>The instance could not be reached or did not answer in time (not: the test itself was cancelled).</summary>
    private static bool Unreachable(Exception exception, CancellationToken cancellationToken)
        => exception is HttpRequestException || (exception is TaskCanceledException && !cancellationToken.IsCancellationRequested);
}

/// <summary>An HTTP answer, and the instance ("127.0.0.1:port") that gave it.</summary>
public sealed record Answer(HttpStatusCode Status, string Body, string Instance);
