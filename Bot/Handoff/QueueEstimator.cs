using Microsoft.Extensions.Options;

namespace IqosBot.Handoff;

/// <summary>
/// The wait a customer is told: their place in the queue times the minutes a chat takes, shared by the
/// agents signed in. The minutes are measured from the last closed chats once there are enough of them.
/// </summary>
public sealed class QueueEstimator
{
    /// <summary>The measured average moves slowly; reading it once a minute keeps a query off every queued customer's turn.</summary>
    private static readonly TimeSpan AverageLifetime = TimeSpan.FromMinutes(1);

    private readonly ICaseStore _cases;
    private readonly IAgentPresence _presence;
    private readonly HandoffSettings _settings;
    private Average? _average;

    public QueueEstimator(ICaseStore cases, IAgentPresence presence, IOptions<HandoffSettings> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _cases = cases ?? throw new ArgumentNullException(nameof(cases));
        _presence = presence ?? throw new ArgumentNullException(nameof(presence));
        _settings = settings.Value;
    }

    public async Task<int> MinutesAsync(int position, CancellationToken cancellationToken)
    {
        var perCustomer = await MinutesPerCustomerAsync(cancellationToken).ConfigureAwait(false);
        var agents = Math.Max(1, await _presence.OnlineCountAsync(cancellationToken).ConfigureAwait(false));
        return Math.Max(1, (int)Math.Ceiling(position * perCustomer / agents));
    }

    public async Task<double> MinutesPerCustomerAsync(CancellationToken cancellationToken)
    {
        var now = Environment.TickCount64;
        // A reference swap: concurrent turns see the old or the new average, never half of one.
        var cached = _average;
        if (cached is null || now - cached.At > AverageLifetime.TotalMilliseconds)
        {
            cached = new Average(await _cases.AverageHandleMinutesAsync(cancellationToken).ConfigureAwait(false), now);
            _average = cached;
        }

        return cached.Minutes ?? _settings.MinutesPerCustomer;
    }

    private sealed record Average(double? Minutes, long At);
}
