namespace IqosBot.Dialogs.Understanding;

/// <summary>Whether a customer who asks about help abroad is already there or planning a trip.</summary>
public enum TravelPhase
{
    AbroadNow,
    PlanningTrip,
}

/// <summary>
/// Reads "I'm on holiday in Italy and it broke" (abroad now) apart from "jag ska åka till Spanien nästa vecka"
/// (a trip ahead), in Swedish and English, with or without å/ä/ö. A trip ahead wins when both are said
/// ("I'm in Oslo now, going to Italy next week": the advice before a trip still holds for Italy). Null when
/// the message says neither.
/// </summary>
public static class TravelSituation
{
    private static readonly string[] Planning =
    [
        "ska resa", "ska aka", "ska flyga", "aker till", "reser till", "innan jag reser", "innan jag aker", "innan resan",
        "nasta vecka", "i sommar", "planerar", "going to travel", "going to", "will be in", "planning", "before i travel",
        "before i go", "before my trip", "next week", "next month", "this summer", "traveling to", "travelling to", "flying to",
    ];

    private static readonly string[] Now =
    [
        "ar i", "ar pa semester", "befinner mig", "just nu i", "ar utomlands", "har i", "pa resa i", "pa semester i", "ar pa resa",
        "i m in", "i am in", "im in", "on holiday", "on vacation", "currently in", "while i m in", "here in", "i m abroad",
        "im abroad", "i am abroad", "abroad right now", "abroad now",
    ];

    public static TravelPhase? Read(string? text)
    {
        // Longer than the bot reads (Messages:MaxLength): not read.
        if (string.IsNullOrWhiteSpace(text) || text.Length > 2000)
        {
            return null;
        }

        var folded = new FoldedText(text);
        if (folded.HasAny(Planning))
        {
            return TravelPhase.PlanningTrip;
        }

        return folded.HasAny(Now) ? TravelPhase.AbroadNow : null;
    }
}
