using System.Collections.Concurrent;

namespace IqosBot.Bot.Tests.TwoProcesses;

/// <summary>Notes which instance answered each request through the proxy (its <see cref="NginxProxy.UpstreamHeader"/>).</summary>
public sealed class UpstreamLog : DelegatingHandler
{
    private readonly ConcurrentQueue<string> _upstreams = new();

    /// <summary>The instances ("A", "B", as the proxy names them) in the order they answered.</summary>
    public IReadOnlyList<string> Upstreams => [.. _upstreams];

    /// <summary>How many of the requests <paramref name="instance"/> answered.</summary>
    public int AnsweredBy(ServerProcess instance) => Upstreams.Count(upstream => upstream == instance.Name);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (response.Headers.TryGetValues(NginxProxy.UpstreamHeader, out var values))
        {
            _upstreams.Enqueue(string.Join(",", values));
        }

        return response;
    }
}
