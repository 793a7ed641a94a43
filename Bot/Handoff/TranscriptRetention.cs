using Microsoft.Extensions.Options;

namespace IqosBot.Handoff;

/// <summary>Deletes transcripts of conversations that never reached a person once they are older than Handoff:TranscriptRetentionDays; runs at start and daily.</summary>
public sealed class TranscriptRetention(IHandoffTranscriptStore transcripts, IOptions<HandoffSettings> settings, TimeProvider time, ILogger<TranscriptRetention> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromDays(1), time);
        do
        {
            try
            {
                var deleted = await transcripts.DeleteOlderThanAsync(time.GetUtcNow().AddDays(-settings.Value.TranscriptRetentionDays), stoppingToken).ConfigureAwait(false);
                if (deleted > 0)
                {
                    logger.LogInformation("Deleted {Count} transcript entries past retention", deleted);
                }
            }
#pragma warning disable CA1031 // Retention retries tomorrow; it must not stop the host.
            catch (Exception exception) when (exception is not OperationCanceledException)
#pragma warning restore CA1031
            {
                logger.LogWarning(exception, "Transcript retention failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
