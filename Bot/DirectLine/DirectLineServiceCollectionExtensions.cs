using IqosBot.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace IqosBot.DirectLine;

/// <summary>Registers the self-hosted Direct Line; map its routes with <see cref="DirectLineEndpoints.MapDirectLine"/>.</summary>
public static class DirectLineServiceCollectionExtensions
{
    public static IServiceCollection AddDirectLine(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(descriptor => descriptor.ServiceType == typeof(DirectLineHub)))
        {
            return services;
        }

        services.AddOptions<DirectLineOptions>()
            .Bind(configuration.GetSection(DirectLineOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DirectLineOptions>, DirectLineOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<DirectLineTokens>();
        // Conversations and activity logs beside bot state: the SQLite file, or PostgreSQL for several instances.
        if (Storage.StorageProviders.IsPostgres(configuration))
        {
            services.AddSingleton<IDirectLineStore, Postgres.PostgresDirectLineStore>();
        }
        else
        {
            services.AddSingleton<IDirectLineStore, SqliteDirectLineStore>();
        }

        // With Redis, what one instance appends reaches the sockets the others hold.
        services.AddSingleton<DirectLineSockets>();
        if (configuration.HasSharedRedis())
        {
            services.AddSharedRedis(configuration);
            services.AddSingleton<RedisDirectLineFeed>();
            services.AddSingleton<IDirectLineFeed>(provider => provider.GetRequiredService<RedisDirectLineFeed>());
            services.AddHostedService(provider => provider.GetRequiredService<RedisDirectLineFeed>());
        }
        else
        {
            services.AddSingleton<IDirectLineFeed, SingleInstanceFeed>();
        }

        services.AddSingleton<DirectLineHub>();
        services.AddSingleton<DirectLineAdapter>();
        services.AddSingleton<DirectLineStream>();
        // Turns run in the log's order under the conversation's lock (shared by every instance with PostgreSQL).
        services.TryAddSingleton<Conversations.ConversationLocks>();
        services.AddSingleton<DirectLineTurnRunner>();
        services.AddSingleton<DirectLineTurnQueue>();
        services.AddHostedService(provider => provider.GetRequiredService<DirectLineTurnQueue>());
        services.AddSingleton<StalledTurnSweeper>();
        services.AddHostedService(provider => provider.GetRequiredService<StalledTurnSweeper>());
        services.AddSingleton<DirectLineJanitor>();
        services.AddHostedService(provider => provider.GetRequiredService<DirectLineJanitor>());

        // WebSockets for the stream, and CORS when origins are configured, without touching Program's pipeline.
        services.AddTransient<IStartupFilter, DirectLineStartupFilter>();
        return services;
    }

    private sealed class DirectLineStartupFilter(IOptions<DirectLineOptions> options) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UseWebSockets();
            if (options.Value.AllowedOrigins.Length > 0)
            {
                app.UseMiddleware<DirectLineCors>();
            }

            next(app);
        };
    }
}

/// <summary>
/// CORS for what a page on another site calls, for the configured origins only: the Direct Line routes and the page's
/// token endpoint (<see cref="IqosBot.WebChat.WebChatTokenEndpoint.Route"/>), Web Chat's headers included
/// (X-Requested-With, x-ms-bot-agent). The agent console and /api/messages stay same-origin.
/// </summary>
internal sealed class DirectLineCors(RequestDelegate next, IOptions<DirectLineOptions> options)
{
    private const string AllowedHeaders = "Authorization, Content-Type, Accept, X-Requested-With, x-ms-bot-agent";

    public Task InvokeAsync(HttpContext context)
    {
        var origin = context.Request.Headers.Origin.ToString();
        if (origin.Length == 0
            || !(context.Request.Path.StartsWithSegments(DirectLineEndpoints.RoutePrefix, StringComparison.OrdinalIgnoreCase)
                || context.Request.Path.Equals(IqosBot.WebChat.WebChatTokenEndpoint.Route, StringComparison.OrdinalIgnoreCase))
            || !options.Value.AllowedOrigins.Any(allowed => allowed == "*" || string.Equals(allowed.TrimEnd('/'), origin, StringComparison.OrdinalIgnoreCase)))
        {
            return next(context);
        }

        var headers = context.Response.Headers;
        headers.AccessControlAllowOrigin = origin;
        headers.AccessControlAllowCredentials = "true";
        headers.Vary = "Origin";
        if (HttpMethods.IsOptions(context.Request.Method) && context.Request.Headers.ContainsKey("Access-Control-Request-Method"))
        {
            headers.AccessControlAllowMethods = "GET, POST, OPTIONS";
            headers.AccessControlAllowHeaders = AllowedHeaders;
            headers.AccessControlMaxAge = "600";
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return Task.CompletedTask;
        }

        return next(context);
    }
}
