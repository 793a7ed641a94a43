using System.Globalization;
using System.Text;

namespace IqosBot.Tools.Demo;

/// <summary>
/// What a run played: counts only, never what a customer wrote. <see cref="Outcomes"/> names what the bot did for
/// the customers (a device registered, a claim filed, a callback booked, a rating given...), so a test or a person
/// can check a run reached every part of the bot the insights page counts.
/// </summary>
public sealed class DemoTrafficSummary
{
    /// <summary>Conversations started and played to their end (failed ones included).</summary>
    public int Conversations { get; init; }

    /// <summary>Messages and card submits the customers sent (not the Web Chat join events).</summary>
    public int MessagesSent { get; init; }

    /// <summary>How many conversations each journey opened: faq, registration, warranty, broken, person, offtopic, smalltalk.</summary>
    public IReadOnlyDictionary<string, int> ByJourney { get; init; } = new Dictionary<string, int>();

    /// <summary>What happened in the conversations, e.g. "registered", "claim filed", "queued", "rated", "callback booked".</summary>
    public IReadOnlyDictionary<string, int> Outcomes { get; init; } = new Dictionary<string, int>();

    public int HandoffsAccepted { get; init; }

    public int HandoffsClosed { get; init; }

    /// <summary>Conversations that ended on an error: a refused request, a reply that never came, a broken page.</summary>
    public int Failures { get; init; }

    /// <summary>Times the bot said 429 and the player waited as it asked (0 when the bot runs with RateLimits:Enabled=false).</summary>
    public int RateLimitWaits { get; init; }

    public TimeSpan Elapsed { get; init; }

    /// <summary>A few lines for a terminal.</summary>
    public string Format()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Played {Conversations} conversations ({MessagesSent} messages) in {Elapsed.TotalSeconds:0} s; {Failures} failed.").AppendLine();
        text.Append("By journey: ").AppendLine(Join(ByJourney));
        text.Append("Outcomes:   ").AppendLine(Join(Outcomes));
        text.Append(CultureInfo.InvariantCulture, $"Agent:      {HandoffsAccepted} accepted, {HandoffsClosed} closed.").AppendLine();
        if (RateLimitWaits > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"Rate limits: waited {RateLimitWaits} times on 429; start the bot with --RateLimits:Enabled=false for a faster run.").AppendLine();
        }

        return text.ToString();
    }

    private static string Join(IReadOnlyDictionary<string, int> counts)
        => counts.Count == 0
            ? "-"
            : string.Join(", ", counts.OrderByDescending(pair => pair.Value).ThenBy(pair => pair.Key, StringComparer.Ordinal)
                .Select(pair => string.Create(CultureInfo.InvariantCulture, $"{pair.Key} {pair.Value}")));
}
