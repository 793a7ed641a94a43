using IqosBot.Dialogs.Handoff;
using IqosBot.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;
using IqosBot.Conversations;

namespace IqosBot.Handoff;

public static class HandoffServiceCollectionExtensions
{
    /// <summary>
    /// Cases, transcripts and callback tickets in the state database, the transcript middleware for every
    /// adapter, and the services between customers and agents. The agent side (console or contact
    /// centre) is chosen by Handoff:Mode.
    /// </summary>
    public static IServiceCollection AddHandoff(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<HandoffSettings>()
            .Bind(configuration.GetSection(HandoffSettings.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton(provider => new HandoffDatabase(provider.GetRequiredService<IOptions<SqliteStorageOptions>>().Value.Path));
        services.AddSingleton(provider => new TranscriptDatabase(provider.GetRequiredService<IOptions<SqliteStorageOptions>>().Value.Path));
        services.AddSingleton<CaseStore>();
        services.AddSingleton<CallbackStore>();
        services.AddSingleton<TranscriptStore>();
        services.AddSingleton<TranscriptLog>();
        services.AddHostedService(provider => provider.GetRequiredService<TranscriptLog>());
        services.AddSingleton<TranscriptRecorder>();
        services.AddSingleton<Microsoft.Bot.Builder.IMiddleware>(provider => provider.GetRequiredService<TranscriptRecorder>());
        services.AddSingleton<CustomerAdapters>();
        services.AddSingleton<QueueEstimator>();
        services.AddSingleton<QueueAnnouncer>();
        services.AddSingleton<CustomerRelay>();
        services.AddSingleton<AgentDesk>();
        services.AddSingleton<ConversationLocks>();
        services.AddSingleton<IHumanHandoff, HandoffCoordinator>();
        services.AddHostedService<TranscriptRetention>();
        return services;
    }
}
