namespace IqosBot.Dialogs.Choices;

/// <summary>One option of a choice prompt: a stable value, the title shown, and other words for it.</summary>
public sealed class Choice
{
    public Choice()
    {
    }

    public Choice(string value, string? title = null, IEnumerable<string>? synonyms = null)
    {
        Value = value;
        Title = title;
        Synonyms = synonyms?.ToList() ?? [];
    }

    /// <summary>What the dialog gets back; never shown when a title is set.</summary>
    public string Value { get; set; } = string.Empty;

    public string? Title { get; set; }

    public List<string> Synonyms { get; set; } = [];
}
