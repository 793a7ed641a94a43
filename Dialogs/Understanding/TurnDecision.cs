namespace IqosBot.Dialogs.Understanding;

/// <summary>
/// What the bot acted on in one message turn and what decided it, as the Emulator's recognizer trace shows it:
/// kept in the turn's state on every channel, so that the host can count intents, scores and fallbacks without
/// the dialogs knowing anything of telemetry. Holds names and a score, never the customer's words.
/// </summary>
/// <param name="DecidedBy">recognizer, rule:&lt;name&gt;, prompt or person (<see cref="RecognizerTrace"/>'s constants).</param>
/// <param name="ActedOn">The intent or rule acted on; "DidYouMean" when the bot asked which of two the customer meant.</param>
/// <param name="Recognizer">The recognizer that scored the message (embedded, clu), or "none" when a rule decided.</param>
/// <param name="Score">The recognizer's best score (also when it was too low to act on); 1 when a rule decided.</param>
public sealed record TurnDecision(string DecidedBy, string ActedOn, string Recognizer, double Score)
{
    /// <summary>Acted on when the recognizer could not tell two intents apart and the bot asked which one.</summary>
    public const string DidYouMean = "DidYouMean";

    /// <summary>The bot could not tell what the customer wanted (neither an intent nor two to choose from).</summary>
    public bool NotUnderstood => DecidedBy == RecognizerTrace.ByRecognizer && ActedOn == Intents.None;

    /// <summary>The bot asked "did you mean A or B?".</summary>
    public bool AskedWhichOne => ActedOn == DidYouMean;
}
