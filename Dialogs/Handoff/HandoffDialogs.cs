namespace IqosBot.Dialogs.Handoff;

/// <summary>The two dialogs around a person's chat, handed to the main dialog together: the way there and the rating after.</summary>
public sealed record HandoffDialogs(HandoffDialog Handoff, RatingDialog Rating);
