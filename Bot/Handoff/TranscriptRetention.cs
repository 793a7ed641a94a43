using Microsoft.Extensions.Options;

namespace IqosBot.Handoff;

/// <summary>Deletes transcripts of conversations that never reached a person once they are older than Handoff:TranscriptRetentionDays; runs at start and daily.</summary>
public sealed class TranscriptRetention(IHandoffTranscriptStore transcripts, IOptions<HandoffSettings> settings, TimeProvider time, ILogger<TranscriptRetention> logger) : Hosting.PeriodicWork(time)
{
    protected override TimeSpan Interval => TimeSpan.FromDays(1);

    protected override bool RunsAtStart => true;

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        var deleted = await transcripts.DeleteOlderThanAsync(Time.GetUtcNow().AddDays(-settings.Value.TranscriptRetentionDays), cancellationToken).ConfigureAwait(false);
        if (deleted > 0)
        {
            logger.LogInformation("Deleted {Count} transcript entries past retention", deleted);
        }
    }

    protected override void OnFailed(Exception exception) => logger.LogWarning(exception, "Transcript retention failed; it runs again tomorrow");
}
