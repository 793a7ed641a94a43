namespace IqosBot.Dialogs.Listening;

/// <summary>
/// What a running journey has from the customer, as far as another journey could use it: the serial and
/// e-mail carry over; anything else would be lost by switching, so the bot asks first.
/// </summary>
public sealed record JourneyProgress(string? Serial, string? Email, bool WouldDropAnswers)
{
    public static readonly JourneyProgress Nothing = new(null, null, false);
}
