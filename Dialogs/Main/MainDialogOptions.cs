namespace IqosBot.Dialogs.Main;

/// <summary>Lets the main dialog start over from an intent already known or a message already sent.</summary>
public sealed class MainDialogOptions
{
    public string? Intent { get; set; }

    public string? Utterance { get; set; }

    /// <summary>With <see cref="Intent"/> HumanAgent: the intent the customer was being helped with when they asked for a person.</summary>
    public string? FromIntent { get; set; }

    /// <summary>With <see cref="Intent"/> HumanAgent: the journey that ended with the request for a person.</summary>
    public string? FromDialog { get; set; }

    /// <summary>With <see cref="Intent"/> HumanAgent: what the journey found out, for the agent (the customer is not asked to describe it again).</summary>
    public string? Diagnosis { get; set; }

    /// <summary>A serial the customer gave in the journey they left, for the next journey to use instead of asking again.</summary>
    public string? Serial { get; set; }

    /// <summary>Likewise the account e-mail.</summary>
    public string? Email { get; set; }

    /// <summary>How many messages in a row the bot has not understood (the fallback was shown after each): the second offers a person.</summary>
    public int Misses { get; set; }

    /// <summary>An agent has just closed this case: ask the customer to rate it.</summary>
    public string? RateCaseId { get; set; }
}
