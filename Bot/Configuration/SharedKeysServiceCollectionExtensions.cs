using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using StackExchange.Redis;

namespace IqosBot.Configuration;

public static class SharedKeysServiceCollectionExtensions
{
    /// <summary>The Redis key the Data Protection key ring is kept under.</summary>
    public const string KeyRingKey = "iqosbot:data-protection-keys";

    /// <summary>
    /// With ConnectionStrings:Redis, the Data Protection key ring (what signs the agents' sign-in and antiforgery
    /// cookies) lives in Redis, so a cookie one instance issued is valid on every other behind the load balancer.
    /// Without it, the single instance keeps its keys as ASP.NET Core does by default.
    /// </summary>
    public static IServiceCollection AddSharedDataProtectionKeys(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddDataProtection().SetApplicationName("IqosBot");
        if (configuration.HasSharedRedis())
        {
            // What PersistKeysToStackExchangeRedis does, on the shared connection from the container.
            services.AddSharedRedis(configuration);
            services.AddOptions<KeyManagementOptions>().Configure<IConnectionMultiplexer>((options, redis) =>
                options.XmlRepository = new RedisXmlRepository(() => redis.GetDatabase(), KeyRingKey));
        }

        return services;
    }
}
