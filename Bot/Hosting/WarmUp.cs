using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace IqosBot.Hosting;

/// <summary>Warm-up before an instance says it is ready (configuration section <c>WarmUp</c>).</summary>
public sealed class WarmUpOptions
{
    public const string SectionName = "WarmUp";

    /// <summary>How many times the script runs, alternately in Swedish and English; 0 turns warm-up off.</summary>
    public int Rounds { get; set; } = 6;
}

/// <summary>
/// A new instance's first turns cost several times a warm one's: every method on the turn's path is compiled on
/// first use and only later optimised. Before <c>/readyz</c> says ready, this runs a short scripted conversation
/// through the real bot (recognizer, dialogs, state) in conversations of its own on a channel of its own, so the
/// first customers a balancer sends meet compiled code. It reaches no one: nothing is sent anywhere, no transcript
/// is kept, nothing calls the benefits API or asks for a person, and the state it wrote is deleted afterwards.
/// </summary>
public sealed partial class WarmUp(IServiceScopeFactory scopes, IStorage storage, IOptions<WarmUpOptions> options, ILogger<WarmUp> logger)
    : BackgroundService, IHealthCheck
{
    public const string ChannelId = "warmup";

    /// <summary>What customers often write first, none of which calls the benefits API or opens a case.</summary>
    private static readonly string[][] Script =
    [
        ["hej", "hur kontaktar jag kundtjänst", "ok tack", "när har ni öppet?", "jag vill registrera min iqos", "avbryt", "min iqos laddar inte", "avbryt", "tack hej"],
        ["hello", "how do I contact customer service", "ok thanks", "what are your opening hours?", "I want to register my device", "cancel", "my device is not charging", "cancel", "thanks bye"],
    ];

    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the warm-up has run (or was off, or failed: it never keeps an instance from serving).</summary>
    public Task Done => _done.Task;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        => Task.FromResult(Done.IsCompleted ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("Warming up."));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var keys = new List<string>();
        try
        {
            var adapter = new WarmUpAdapter();
            for (var round = 0; round < options.Value.Rounds && !stoppingToken.IsCancellationRequested; round++)
            {
                var conversationId = "warmup-" + Guid.NewGuid().ToString("N");
                keys.Add(ChannelId + "/conversations/" + conversationId);
                var lines = Script[round % Script.Length];
                for (var turn = 0; turn < lines.Length; turn++)
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var bot = scope.ServiceProvider.GetRequiredService<IBot>();
                    await adapter.RunAsync(Activity(conversationId, round, turn, lines[turn]), bot, stoppingToken).ConfigureAwait(false);
                }
            }

            LogWarm(logger, options.Value.Rounds, (long)started.Elapsed.TotalMilliseconds);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping before it finished.
        }
#pragma warning disable CA1031 // The warm-up only makes the first turns cheaper; whatever goes wrong, the instance serves.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            logger.LogWarning(exception, "The warm-up failed; the instance serves anyway, its first turns slower");
        }
        finally
        {
            await ForgetAsync(keys).ConfigureAwait(false);
            _done.TrySetResult();
        }
    }

    private static Activity Activity(string conversationId, int round, int turn, string text) => new()
    {
        Type = turn == 0 ? ActivityTypes.ConversationUpdate : ActivityTypes.Message,
        Id = conversationId + "-" + turn,
        ChannelId = ChannelId,
        Conversation = new ConversationAccount(id: conversationId),
        From = new ChannelAccount("warmup-user", "Warm-up", RoleTypes.User),
        Recipient = new ChannelAccount("iqosbot", "IQOS", RoleTypes.Bot),
        MembersAdded = turn == 0 ? [new ChannelAccount("warmup-user", "Warm-up", RoleTypes.User)] : null,
        Locale = round % 2 == 0 ? "sv-SE" : "en-US",
        Text = turn == 0 ? null : text,
        Timestamp = DateTimeOffset.UtcNow,
    };

    private async Task ForgetAsync(List<string> keys)
    {
        try
        {
            await storage.DeleteAsync([.. keys], CancellationToken.None).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Logged; retention removes what is left.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            logger.LogWarning(exception, "The warm-up's conversations could not be deleted; retention removes them");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Warmed up with {Rounds} scripted conversations in {Milliseconds} ms")]
    private static partial void LogWarm(ILogger logger, int rounds, long milliseconds);

    /// <summary>Runs turns in process; what the bot sends goes nowhere.</summary>
    private sealed class WarmUpAdapter : BotAdapter
    {
        public async Task RunAsync(Activity activity, IBot bot, CancellationToken cancellationToken)
        {
            using var context = new TurnContext(this, activity);
            await RunPipelineAsync(context, bot.OnTurnAsync, cancellationToken).ConfigureAwait(false);
        }

        public override Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken)
            => Task.FromResult(activities.Select(_ => new ResourceResponse(Guid.NewGuid().ToString("N"))).ToArray());

        public override Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken)
            => Task.FromResult(new ResourceResponse(activity?.Id));

        public override Task DeleteActivityAsync(ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken)
            => Task.CompletedTask;
    }
}
