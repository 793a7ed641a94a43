namespace IqosBot.Bench.LoadDriver;

/// <summary>The HTTP client every protocol's customers share.</summary>
internal static class LoopbackHttp
{
    /// <summary>
    /// Loopback only and never through a proxy configured in the environment; a connection per concurrent customer,
    /// kept for the whole run.
    /// </summary>
    public static HttpClient Create(TimeSpan timeout, int connections) => new(new SocketsHttpHandler
    {
        UseProxy = false,
        ConnectTimeout = TimeSpan.FromSeconds(5),
        MaxConnectionsPerServer = connections,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
    })
    {
        Timeout = timeout,
    };
}
