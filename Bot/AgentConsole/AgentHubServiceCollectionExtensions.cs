using IqosBot.Configuration;
using IqosBot.Handoff;
using Microsoft.AspNetCore.SignalR.StackExchangeRedis;
using StackExchange.Redis;

namespace IqosBot.AgentConsole;

public static class AgentHubServiceCollectionExtensions
{
    /// <summary>
    /// The console's SignalR hub and who is online. One instance keeps both to itself. With ConnectionStrings:Redis
    /// several instances share them: the hub's messages go through Redis (the SignalR backplane), so an agent
    /// connected to one instance hears of a customer queued on another, and presence is kept in Redis
    /// (<see cref="RedisAgentPresence"/>), renewed by each instance's heartbeat.
    /// </summary>
    public static IServiceCollection AddAgentHubAndPresence(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var signalR = services.AddSignalR();
        if (configuration.HasSharedRedis())
        {
            // The backplane runs on the bot's one connection, whose pub/sub channels all start with "iqosbot"
            // (SharedRedisServiceCollectionExtensions.ChannelPrefix): a channel prefix is the connection's, not SignalR's.
            services.AddSharedRedis(configuration);
            // SignalR closes the connection it was given when the host stops (RedisHubLifetimeManager.Dispose): with
            // the shared one that happens only at shutdown, after the hosted services have stopped.
            signalR.AddStackExchangeRedis();
            services.AddOptions<RedisOptions>().Configure<IConnectionMultiplexer>((options, redis) =>
                options.ConnectionFactory = _ => Task.FromResult(redis));

            services.AddSingleton<RedisAgentPresence>();
            services.AddSingleton<IAgentPresenceTracker>(provider => provider.GetRequiredService<RedisAgentPresence>());
            services.AddHostedService<AgentPresenceHeartbeat>();
        }
        else
        {
            services.AddSingleton<IAgentPresenceTracker, AgentPresence>();
        }

        services.AddSingleton<IAgentPresence>(provider => provider.GetRequiredService<IAgentPresenceTracker>());
        return services;
    }
}
