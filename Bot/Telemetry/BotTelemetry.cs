using System.Collections.Frozen;
using System.Diagnostics;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;

namespace IqosBot.Telemetry;

/// <summary>
/// The names an operator finds the bot's own telemetry under: one activity source for turn spans, one meter for
/// the bot's instruments (<see cref="BotMetrics"/>), and the attributes both carry. Every attribute is a name
/// from a closed set (channel, intent, journey, outcome) or an opaque id; none holds what a customer typed.
/// </summary>
public static class BotTelemetry
{
    public const string Name = "IqosBot";

    /// <summary>Spans of the bot's own work: one per turn, whichever endpoint (Direct Line, /api/messages, an agent's message) started it.</summary>
    public static readonly ActivitySource Source = new(Name);

    public const string ConversationId = "iqosbot.conversation.id";
    public const string Channel = "iqosbot.channel";
    public const string ActivityType = "iqosbot.activity.type";
    public const string Outcome = "iqosbot.outcome";
    public const string Intent = "iqosbot.intent";
    public const string DecidedBy = "iqosbot.decided_by";
    public const string Recognizer = "iqosbot.recognizer";
    public const string Score = "iqosbot.intent.score";
    public const string Fallback = "iqosbot.fallback";
    public const string HandoffTrigger = "iqosbot.handoff.trigger";
    public const string HandoffFrom = "iqosbot.handoff.from";
    public const string HandoffMode = "iqosbot.handoff.mode";
    public const string BenefitsOperation = "iqosbot.benefits.operation";

    /// <summary>The semantic conventions' name for what went wrong (an exception type or a reason), never its message.</summary>
    public const string ErrorType = "error.type";

    /// <summary>The channels the bot serves; any other channel id a client names is "other".</summary>
    public static readonly FrozenSet<string> KnownChannels = FrozenSet.ToFrozenSet(
        [Channels.Directline, Channels.Webchat, Channels.Msteams, Channels.Emulator, Channels.Test],
        StringComparer.Ordinal);

    /// <summary>The Bot Framework's activity types; any other type a client names is "other".</summary>
    public static readonly FrozenSet<string> KnownActivityTypes = FrozenSet.ToFrozenSet(
        typeof(ActivityTypes).GetFields().Where(field => field.IsLiteral).Select(field => (string)field.GetRawConstantValue()!),
        StringComparer.Ordinal);

    /// <summary>
    /// A tag value from a closed set: channel ids and activity types come from the client, and a client naming a new
    /// one on every request would otherwise make a new time series each time.
    /// </summary>
    public static string KnownOrOther(string? value, FrozenSet<string> known)
    {
        ArgumentNullException.ThrowIfNull(known);
        return value is not null && known.Contains(value) ? value : "other";
    }
}
