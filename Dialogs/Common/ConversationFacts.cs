using Microsoft.Bot.Builder;

namespace IqosBot.Dialogs.Common;

/// <summary>
/// What the conversation itself has established, beside its dialog stack: kept in conversation state by
/// the bot and put in the turn state for the dialogs (<see cref="ConversationFactsExtensions.GetFacts"/>).
/// Nothing personal: a flag and a card's topic.
/// </summary>
public sealed class ConversationFacts
{
    /// <summary>The customer said they are under 18: no journey that needs an adult runs, whatever age is claimed later.</summary>
    public bool AdultsOnly { get; set; }

    /// <summary>Customer messages so far; counted by the bot at the start of each message turn.</summary>
    public int Turn { get; set; }

    /// <summary>The topic of the last answer card sent, and the turn it went out on, so the same card is never sent twice in a row.</summary>
    public string? LastCard { get; set; }

    public int LastCardTurn { get; set; }
}

public static class ConversationFactsExtensions
{
    private const string TurnStateKey = "IqosBot.ConversationFacts";

    /// <summary>This turn's facts; a fresh set (kept for the turn only) where the host has put none.</summary>
    public static ConversationFacts GetFacts(this ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (turnContext.TurnState.Get<ConversationFacts>(TurnStateKey) is { } facts)
        {
            return facts;
        }

        facts = new ConversationFacts();
        turnContext.TurnState.Set(TurnStateKey, facts);
        return facts;
    }

    public static void SetFacts(this ITurnContext turnContext, ConversationFacts facts)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        turnContext.TurnState.Set(TurnStateKey, facts ?? throw new ArgumentNullException(nameof(facts)));
    }
}
