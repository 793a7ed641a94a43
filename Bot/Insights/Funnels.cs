using IqosBot.Dialogs.Insights;

namespace IqosBot.Insights;

/// <summary>The registration and claim funnels: the journey's start, its questions in order, its completion.</summary>
public static class Funnels
{
    public const string Started = "started";
    public const string Completed = "completed";

    public static IReadOnlyList<(string Journey, string[] Steps)> All { get; } =
    [
        (JourneyNames.Registration, [Started, "regSerial", "regDate", "regEmail", "regAge", "regConsent", "regSummary", Completed]),
        (JourneyNames.Claim, [Started, "claimSerial", "claimEmail", "addressStreet", "addressPostcode", "addressCity", "claimConfirmAddress", Completed]),
    ];

    /// <summary>How many conversations reached each step, and how many of those reached no later one.</summary>
    public static IReadOnlyList<Funnel> Of(IReadOnlyList<ConversationTrail> conversations)
    {
        ArgumentNullException.ThrowIfNull(conversations);
        return [.. All.Select(funnel =>
        {
            var reached = conversations
                .Select(trail => funnel.Steps.Select(step => trail.Reached(funnel.Journey, step)).ToArray())
                .Where(steps => steps.Any(step => step))
                .ToList();
            return new Funnel(funnel.Journey, [.. funnel.Steps.Select((step, index) => new FunnelStep(
                step,
                reached.Count(steps => steps[index]),
                reached.Count(steps => steps[index] && !steps.Skip(index + 1).Any(later => later))))]);
        })];
    }
}
