namespace IqosBot.Dialogs.Faq;

/// <summary>One entry of knowledge/answers/{language}.json: an answer, and how other answers point to it.</summary>
public sealed class FaqAnswer
{
    public string? Title { get; set; }

    /// <summary>The answer, with {placeholders} for configured facts; null for journeys that have no text answer.</summary>
    public string? Text { get; set; }

    /// <summary>A short customer question that leads here, shown as a button under other answers.</summary>
    public string? Suggestion { get; set; }

    /// <summary>Intents worth offering after this answer.</summary>
    public List<string> FollowUps { get; set; } = [];
}
