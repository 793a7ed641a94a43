using System.Collections.Concurrent;
using IqosBot.Benefits;
using IqosBot.Dialogs.Benefits;
using IqosBot.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IqosBot.Bot.Tests.Benefits;

/// <summary>
/// The benefits API client as the bot builds it: a ServiceCollection with (captured) logging and
/// <see cref="BenefitsServiceCollectionExtensions.AddBenefitsApiClient"/> over an in-memory "Benefits" section.
/// Short time limits keep the suite fast. A recording handler behind the resilience pipeline sees every
/// attempt as it goes on the wire.
/// </summary>
public sealed class BenefitsClient : IAsyncDisposable
{
    // Long enough that a loaded machine (CI) does not time out an answered first attempt and retry it.
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromMilliseconds(1500);
    public static readonly TimeSpan TotalTimeout = TimeSpan.FromSeconds(3);
    public static readonly TimeSpan BreakDuration = TimeSpan.FromSeconds(2);

    // A server that never answers in time holds each request this long (it is cut off by the client's time limits).
    public static readonly TimeSpan HangingServerDelay = TimeSpan.FromSeconds(60);

    // How long a customer may wait for "unavailable" from a hanging server: the total time limit, with slack for a
    // loaded machine (CI measured 4.5 s against a 3 s limit), and still far below one hanging answer.
    public static readonly TimeSpan UnavailableWithin = TotalTimeout + TimeSpan.FromSeconds(4);

    // Against the real sandbox, where what is tested is the answer and not the time limits: a machine busy with other
    // work (a parallel test run, a benchmark) must not turn a slow answer into "unavailable".
    public static readonly TimeSpan PatientAttemptTimeout = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan PatientTotalTimeout = TimeSpan.FromSeconds(20);

    private readonly ServiceProvider _provider;

    private BenefitsClient(ServiceProvider provider, CapturedLogs logs, ConcurrentQueue<RecordedRequest> requests)
    {
        _provider = provider;
        Logs = logs;
        Requests = requests;
        Api = provider.GetRequiredService<IBenefitsApi>();
    }

    public IBenefitsApi Api { get; }

    /// <summary>Everything the client's side logged (the client, HttpClient's handlers, the resilience pipeline), at every level.</summary>
    public CapturedLogs Logs { get; }

    /// <summary>Every attempt the client put on the wire, retries included.</summary>
    public ConcurrentQueue<RecordedRequest> Requests { get; }

    /// <param name="baseUrl">The API's base address, ending in "/".</param>
    /// <param name="time">
    /// A clock for the container (a FakeTimeProvider): the resilience pipeline takes it from DI, so retry back-off,
    /// time limits and the circuit breaker's break all run on it. Without one, real time.
    /// </param>
    /// <param name="patient">Long time limits, for a real server whose answers are under test (<see cref="PatientAttemptTimeout"/>).</param>
    public static BenefitsClient Create(Uri baseUrl, string apiKey, TimeProvider? time = null, bool patient = false)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Benefits:BaseUrl"] = baseUrl.ToString(),
                ["Benefits:ApiKey"] = apiKey,
                ["Benefits:AttemptTimeout"] = (patient ? PatientAttemptTimeout : AttemptTimeout).ToString("c"),
                ["Benefits:TotalTimeout"] = (patient ? PatientTotalTimeout : TotalTimeout).ToString("c"),
                ["Benefits:BreakDuration"] = BreakDuration.ToString("c"),
            })
            .Build();

        var logs = new CapturedLogs();
        var requests = new ConcurrentQueue<RecordedRequest>();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.ClearProviders().SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        // A new handler per handler chain (the factory rebuilds chains); they all write to one queue.
        services.AddBenefitsApiClient(configuration).AddHttpMessageHandler(() => new RecordingHandler(requests));
        return new BenefitsClient(services.BuildServiceProvider(validateScopes: true), logs, requests);
    }

    /// <summary>No log line of the client's side holds any of these values (case-insensitively).</summary>
    public void AssertLogsHoldNone(params string[] values)
    {
        Assert.NotEmpty(Logs.Lines);
        foreach (var line in Logs.Lines)
        {
            foreach (var value in values)
            {
                Assert.False(line.Contains(value, StringComparison.OrdinalIgnoreCase), $"A log line holds personal data ({value}): {line}");
            }
        }
    }

    public int WarningsContaining(string text) =>
        Logs.Lines.Count(line => line.StartsWith("Warning ", StringComparison.Ordinal) && line.Contains(text, StringComparison.OrdinalIgnoreCase));

    public ValueTask DisposeAsync() => _provider.DisposeAsync();

    private sealed class RecordingHandler(ConcurrentQueue<RecordedRequest> requests) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
            requests.Enqueue(new RecordedRequest(
                request.Method.Method,
                request.RequestUri!,
                request.Headers.ToDictionary(header => header.Key, header => string.Join(",", header.Value), StringComparer.OrdinalIgnoreCase),
                body));
            return await base.SendAsync(request, cancellationToken);
        }
    }
}

/// <summary>One attempt as it left the client: the request line, its headers and its body.</summary>
public sealed record RecordedRequest(string Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, string Body);
