using Microsoft.AspNetCore.DataProtection;
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
        var dataProtection = services.AddDataProtection().SetApplicationName("IqosBot");
        if (configuration.GetConnectionString("Redis") is { Length: > 0 } redis)
        {
            // Connected once at start; the multiplexer reconnects by itself when Redis comes back.
            var options = ConfigurationOptions.Parse(redis);
            options.AbortOnConnectFail = false;
            var connection = ConnectionMultiplexer.Connect(options);
            services.AddSingleton<IConnectionMultiplexer>(connection);
            dataProtection.PersistKeysToStackExchangeRedis(connection, KeyRingKey);
        }

        return services;
    }
}
