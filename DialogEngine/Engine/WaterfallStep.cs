namespace IqosBot.Dialogs.Engine;

/// <summary>One step of a waterfall: ask something, or act on the previous step's result.</summary>
public delegate Task<DialogTurnResult> WaterfallStep(WaterfallStepContext stepContext, CancellationToken cancellationToken);
