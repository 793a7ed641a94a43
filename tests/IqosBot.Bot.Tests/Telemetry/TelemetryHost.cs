using IqosBot.Testing;
using System.Diagnostics;
using System.Net;
using IqosBot.Bot.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace IqosBot.Bot.Tests.Telemetry;

/// <summary>
/// The real bot host on a real Kestrel at 127.0.0.1 (so the bot's own HTTP calls, to its benefits sandbox, go over
/// loopback through HttpClient's instrumentation), with OpenTelemetry's in-memory exporters collecting every span,
/// metric point and log record it produces.
/// </summary>
public sealed class TelemetryHost : IAsyncDisposable
{
    private readonly BotHost _host;

    public TelemetryHost(string databasePath, IDictionary<string, string?>? settings = null, bool withInMemoryExporters = true)
    {
        Port = LoopbackPort.Free();
        var merged = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>());
        merged.TryAdd("Telemetry:Enabled", "true");
        merged = merged.Where(setting => setting.Value is not null).ToDictionary();
        _host = new BotHost(databasePath, merged, services =>
        {
            if (withInMemoryExporters)
            {
                services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(_spans));
                services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddInMemoryExporter(_metrics));
                services.ConfigureOpenTelemetryLoggerProvider(logging => logging.AddInMemoryExporter(_logs));
            }
        });
        _host.UseKestrel(Port);
        _host.StartServer();
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{Port}/"), Timeout = TimeSpan.FromSeconds(30) };
    }

    public int Port { get; }

    public HttpClient Http { get; }

    public IServiceProvider Services => _host.Services;

    /// <summary>The Direct Line secret the host was given (BotHost's), for starting conversations.</summary>
    public string DirectLineSecret => Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<global::IqosBot.DirectLine.DirectLineOptions>>().Value.Secret;

    /// <summary>What the host logged (every level), for a failing test's message.</summary>
    public IqosBot.Testing.CapturedLogs CapturedLogs => _host.Logs;

    /// <summary>One line per span (source, kind, name, route, parent), for a failing test's message.</summary>
    public string Describe()
        => string.Join("\n", Spans.Select(span => $"{span.Source.Name} {span.Kind} '{span.DisplayName}' route={span.GetTagItem("http.route")} url={span.GetTagItem("url.full")} id={span.SpanId} parent={span.ParentSpanId}"));

    // Exporters add from their own threads (background work ends spans at any time): read through snapshots.
    private readonly Recorded<Activity> _spans = new();
    private readonly Recorded<Metric> _metrics = new();
    private readonly Recorded<LogRecord> _logs = new();

    /// <summary>
    /// Whether an HTTP span (server or client) is about this host's port. The instrumentation listens process-wide, so
    /// the spans of other tests' hosts running at the same time are exported here too.
    /// </summary>
    public bool OnThisHost(Activity span)
    {
        ArgumentNullException.ThrowIfNull(span);
        return Convert.ToString(span.GetTagItem("server.port"), System.Globalization.CultureInfo.InvariantCulture) == Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The spans exported so far (a copy).</summary>
    public List<Activity> Spans => _spans.Snapshot();

    /// <summary>The metrics of every collection so far (a copy; a metric's points are those of its last collection).</summary>
    public List<Metric> Metrics => _metrics.Snapshot();

    /// <summary>The log records exported so far (a copy).</summary>
    public List<LogRecord> Logs => _logs.Snapshot();

    /// <summary>Everything recorded so far pushed to the exporters (spans end in batches, metrics are collected on demand).</summary>
    public void Flush()
    {
        Assert.True(Services.GetRequiredService<TracerProvider>().ForceFlush(10_000), "Spans were not flushed.");
        Assert.True(Services.GetRequiredService<MeterProvider>().ForceFlush(10_000), "Metrics were not flushed.");
        Assert.True(Services.GetRequiredService<LoggerProvider>().ForceFlush(10_000), "Logs were not flushed.");
    }

    /// <summary>
    /// Flushes until a span that <paramref name="predicate"/> accepts has ended (10 s at most): a Direct Line turn and
    /// a socket's request end on the server after the client has what it waited for.
    /// </summary>
    public async Task<Activity> EndedSpanAsync(Func<Activity, bool> predicate, string what)
        => (await EndedSpansAsync(predicate, 1, what))[0];

    /// <summary>
    /// Flushes until <paramref name="count"/> spans that <paramref name="predicate"/> accepts have ended (10 s at most):
    /// a request's span ends on the server just after its client has read the response.
    /// </summary>
    public async Task<List<Activity>> EndedSpansAsync(Func<Activity, bool> predicate, int count, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            Flush();
            var spans = Spans.Where(predicate).ToList();
            if (spans.Count >= count)
            {
                return spans;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{spans.Count} of {count} spans of {what} ended within 10 s; got:\n{Describe()}");
            await Task.Delay(50);
        }
    }

    /// <summary>The points of one metric, with their tags, as the last collection saw them (cumulative).</summary>
    public List<(Dictionary<string, string?> Tags, double Value, long Count)> Points(string name)
    {
        // One Metric object per stream, exported again at each collection with its cumulative points: each counted once.
        var points = new List<(Dictionary<string, string?>, double, long)>();
        foreach (var metric in Metrics.Where(candidate => candidate.Name == name).Distinct(ReferenceEqualityComparer.Instance).Cast<Metric>())
        {
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                var tags = new Dictionary<string, string?>();
                foreach (var tag in point.Tags)
                {
                    tags[tag.Key] = tag.Value?.ToString();
                }

                var (value, count) = metric.MetricType switch
                {
                    MetricType.LongSum => (point.GetSumLong(), 1L),
                    MetricType.DoubleSum => (point.GetSumDouble(), 1L),
                    MetricType.LongGauge => (point.GetGaugeLastValueLong(), 1L),
                    MetricType.DoubleGauge => (point.GetGaugeLastValueDouble(), 1L),
                    MetricType.Histogram => (point.GetHistogramSum(), point.GetHistogramCount()),
                    _ => (0d, 0L),
                };
                points.Add((tags, value, count));
            }
        }

        return points;
    }

    /// <summary>Every name, attribute, event and status text of every span, metric point and log record, as one text to search.</summary>
    public string AllRecordedText()
    {
        var text = new System.Text.StringBuilder();
        foreach (var span in Spans)
        {
            text.AppendLine(span.DisplayName).AppendLine(span.OperationName).AppendLine(span.StatusDescription);
            foreach (var tag in span.TagObjects)
            {
                text.Append(tag.Key).Append('=').AppendLine(tag.Value?.ToString());
            }

            foreach (var spanEvent in span.Events)
            {
                text.AppendLine(spanEvent.Name);
                foreach (var tag in spanEvent.Tags)
                {
                    text.Append(tag.Key).Append('=').AppendLine(tag.Value?.ToString());
                }
            }

            foreach (var baggage in span.Baggage)
            {
                text.Append(baggage.Key).Append('=').AppendLine(baggage.Value);
            }
        }

        foreach (var metric in Metrics)
        {
            text.AppendLine(metric.Name);
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                foreach (var tag in point.Tags)
                {
                    text.Append(tag.Key).Append('=').AppendLine(tag.Value?.ToString());
                }
            }
        }

        foreach (var log in Logs)
        {
            text.AppendLine(log.FormattedMessage).AppendLine(log.Body).AppendLine(log.Exception?.ToString());
            foreach (var attribute in log.Attributes ?? [])
            {
                text.Append(attribute.Key).Append('=').AppendLine(attribute.Value?.ToString());
            }
        }

        return text.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _host.DisposeAsync();
    }
}

/// <summary>A collection exporters may add to from any thread while a test reads copies of it.</summary>
internal sealed class Recorded<T> : ICollection<T>
{
    private readonly List<T> _items = [];
    private readonly Lock _gate = new();

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _items.Count;
            }
        }
    }

    public bool IsReadOnly => false;

    public List<T> Snapshot()
    {
        lock (_gate)
        {
            return [.. _items];
        }
    }

    public void Add(T item)
    {
        lock (_gate)
        {
            _items.Add(item);
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _items.Clear();
        }
    }

    public bool Contains(T item) => Snapshot().Contains(item);

    public void CopyTo(T[] array, int arrayIndex) => Snapshot().CopyTo(array, arrayIndex);

    public bool Remove(T item)
    {
        lock (_gate)
        {
            return _items.Remove(item);
        }
    }

    public IEnumerator<T> GetEnumerator() => Snapshot().GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
