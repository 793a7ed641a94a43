using Microsoft.Extensions.Options;

namespace IqosBot.Handoff;

/// <summary>
/// The wait a customer is told: their place in the queue times the minutes a chat takes, shared by the
/// agents signed in. The minutes are measured from the last closed chats once there are enough of them.
/// </summary>
public sealed class QueueEstimator
{
    private readonly CaseStore _cases;
    private readonly IAgentPresence _presence;
    private readonly HandoffSettings _settings;

    public QueueEstimator(CaseStore cases, IAgentPresence presence, IOptions<HandoffSettings> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _cases = cases ?? throw new ArgumentNullException(nameof(cases));
        _presence = presence ?? throw new ArgumentNullException(nameof(presence));
        _settings = settings.Value;
    }

    public async Task<int> MinutesAsync(int position, CancellationToken cancellationToken)
    {
        var perCustomer = await _cases.AverageHandleMinutesAsync(cancellationToken).ConfigureAwait(false) ?? _settings.MinutesPerCustomer;
        var agents = Math.Max(1, _presence.OnlineCount);
        return Math.Max(1, (int)Math.Ceiling(position * perCustomer / agents));
    }

    public async Task<double> MinutesPerCustomerAsync(CancellationToken cancellationToken)
        => await _cases.AverageHandleMinutesAsync(cancellationToken).ConfigureAwait(false) ?? _settings.MinutesPerCustomer;
}
