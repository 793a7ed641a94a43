using IqosBot.Endpoints;
using StackExchange.Redis;

namespace IqosBot.Configuration;

/// <summary>
/// ConnectionStrings:Redis: what several instances behind one load balancer share — the Data Protection key
/// ring, the agent console's SignalR backplane and presence, the rate-limit windows, and the Direct Line fan-out.
/// All of them use the one <see cref="IConnectionMultiplexer"/> registered here (StackExchange.Redis multiplexes
/// every command and subscription over it); without the setting, each instance keeps all of that to itself.
/// </summary>
public static class SharedRedisServiceCollectionExtensions
{
    /// <summary>
    /// The start of every pub/sub channel the bot uses (the SignalR backplane's and the Direct Line fan-out's), so
    /// several applications can share one Redis. StackExchange.Redis puts it in front of each channel name itself.
    /// </summary>
    public const string ChannelPrefix = "iqosbot";

    /// <summary>The name of Redis's check in <c>/readyz</c>.</summary>
    public const string ReadinessCheckName = "redis";

    /// <summary>Whether ConnectionStrings:Redis is set, so the instance-spanning features use Redis.</summary>
    public static bool HasSharedRedis(this IConfiguration configuration)
        => !string.IsNullOrWhiteSpace(configuration.GetConnectionString("Redis"));

    /// <summary>
    /// The connection to Redis and its readiness check, once however many features ask for it (each feature that
    /// needs Redis calls this, so none depends on the order of the calls in Program). Nothing without the setting.
    /// </summary>
    public static IServiceCollection AddSharedRedis(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (!configuration.HasSharedRedis() || services.Any(service => service.ServiceType == typeof(IConnectionMultiplexer)))
        {
            return services;
        }

        var options = ConfigurationOptions.Parse(configuration.GetConnectionString("Redis")!);

        // Start even while Redis is down (then /readyz says so); the multiplexer reconnects by itself when it is back.
        options.AbortOnConnectFail = false;
        options.ChannelPrefix = RedisChannel.Literal(ChannelPrefix);

        // Created by the container, so it is also closed with the host.
        services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(options));
        services.AddHealthChecks().AddRedis(
            provider => provider.GetRequiredService<IConnectionMultiplexer>(),
            name: ReadinessCheckName,
            tags: [HealthEndpoint.ReadyTag],
            timeout: TimeSpan.FromSeconds(5));
        return services;
    }
}
