namespace IqosBot.Dialogs.Faq;

/// <summary>
/// What a message says about the customer's situation that an FAQ answer must speak to first: when it was
/// bought, where, whether the customer is abroad now. Read with the same readers the journeys use
/// (<c>Understanding</c>); the facts come from the knowledge and the configured figures, never from a guess.
/// A new situation is a class of its own, registered in <c>AddMainDialog</c>.
/// </summary>
public interface IAnswerSituation
{
    /// <summary>The line for this answer and message in the customer's language, or null when the message says nothing that matters for it.</summary>
    SituationalLine? For(string intent, string language, string? text);
}

/// <param name="InsteadOfCard">The general card would be wrong for this customer (it tells someone already abroad what to do before a trip): the line replaces it.</param>
public sealed record SituationalLine(string Text, bool InsteadOfCard = false);
