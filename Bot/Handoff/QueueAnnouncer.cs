using IqosBot.Dialogs.Resources;
using IqosBot.Telemetry;
using Microsoft.Bot.Builder;

namespace IqosBot.Handoff;

/// <summary>
/// Tells each waiting customer their new place in the queue and wait when it changes (someone ahead was
/// accepted or left, a case came back). One run at a time, so nobody hears the same news twice.
/// </summary>
public sealed class QueueAnnouncer
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ICaseStore _cases;
    private readonly QueueEstimator _estimator;
    private readonly CustomerAdapters _adapters;
    private readonly BotMetrics _metrics;
    private readonly ILogger<QueueAnnouncer> _logger;

    public QueueAnnouncer(ICaseStore cases, QueueEstimator estimator, CustomerAdapters adapters, BotMetrics metrics, ILogger<QueueAnnouncer> logger)
    {
        _metrics = metrics ?? throw new ArgumentNullException(nameof(metrics));
        _cases = cases ?? throw new ArgumentNullException(nameof(cases));
        _estimator = estimator ?? throw new ArgumentNullException(nameof(estimator));
        _adapters = adapters ?? throw new ArgumentNullException(nameof(adapters));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>
    /// Announces in the background. Customer turns use this: a proactive message to another Direct Line
    /// conversation must not hold up this one's turn (and its own conversation's queue would wait for it).
    /// </summary>
    public void Kick() => _ = Task.Run(() => AnnounceAsync(CancellationToken.None));

    public async Task AnnounceAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var waiting = await _cases.ListWaitingAsync(cancellationToken).ConfigureAwait(false);
            _metrics.QueueSeen(waiting.Count);
            for (var index = 0; index < waiting.Count; index++)
            {
                var record = waiting[index];
                var position = index + 1;
                if (record.AnnouncedPosition == position || !await _cases.SetAnnouncedPositionAsync(record.Id, position, cancellationToken).ConfigureAwait(false))
                {
                    continue;
                }

                var minutes = await _estimator.MinutesAsync(position, cancellationToken).ConfigureAwait(false);
                var text = Texts.Format(record.Language, TextKey.HandoffQueuePosition, position, minutes);
                await SendAsync(record, text, cancellationToken).ConfigureAwait(false);
            }
        }
#pragma warning disable CA1031 // Runs in the background: a failure is logged, the next change announces again.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            _logger.LogWarning(exception, "Could not announce queue positions");
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task SendAsync(HandoffCase record, string text, CancellationToken cancellationToken)
    {
        try
        {
            await _adapters.SendAsync(record, [MessageFactory.Text(text)], alreadyInTranscript: false, cancellationToken).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // One unreachable customer must not stop the others hearing their place.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            _logger.LogWarning(exception, "Could not tell case {CaseId} its queue position", record.Id);
        }
    }
}
