using IqosBot.Handoff;
using IqosBot.Telemetry;

namespace IqosBot.Insights;

/// <summary>Events an agent's action makes outside the customer's turn (accept, close), named from the case.</summary>
public static class CaseInsights
{
    public static InsightEvent Of(HandoffCase record, string kind, DateTimeOffset at, double? seconds)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new InsightEvent(
            at, record.ConversationKey, BotTelemetry.KnownOrOther(record.ChannelId, BotTelemetry.KnownChannels), record.Language, kind, record.Intent, record.Mode, seconds);
    }
}
