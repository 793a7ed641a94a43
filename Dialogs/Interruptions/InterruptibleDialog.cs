using IqosBot.Dialogs.Engine;
using IqosBot.Dialogs.Insights;
using IqosBot.Dialogs.Language;
using IqosBot.Dialogs.Listening;
using IqosBot.Dialogs.Resources;
using IqosBot.Dialogs.Support;
using IqosBot.Dialogs.Understanding;
using Microsoft.Bot.Builder;
using IqosBot.Dialogs.Common;
using Microsoft.Extensions.Options;

namespace IqosBot.Dialogs.Interruptions;

/// <summary>
/// Base of every journey (CoreBot's CancelAndHelpDialog, grown up): the <see cref="ListeningPolicy"/> that
/// every prompt consults asks the journey what it serves, what it has collected, what help means here and
/// where a request for a person goes; when the customer leaves, the journey says what that means
/// ("No device has been registered.") before the main dialog closes.
/// </summary>
public abstract class InterruptibleDialog : ComponentDialog, IJourney
{
    protected InterruptibleDialog(string dialogId, IOptionsMonitor<SupportOptions> support)
        : base(dialogId)
    {
        _support = support ?? throw new ArgumentNullException(nameof(support));
    }

    private readonly IOptionsMonitor<SupportOptions> _support;

    /// <summary>Customer care's details and hours as configured now: read per turn, so a change needs no restart.</summary>
    protected SupportOptions Support => _support.CurrentValue;

    public virtual bool ListensForSolved => false;

    /// <summary>The journey's name in the team's insights (registration, warranty, broken, handoff); its dialog id unless it says.</summary>
    protected virtual string InsightName => Id;

    /// <summary>Counted for the team's insights: the journey started, and after it ran, the question it asks now or how it ended.</summary>
    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext outerDc, object? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outerDc);
        var instance = outerDc.ActiveDialog!;
        JourneyInsights.Started(outerDc.Context, InsightName);
        var before = TurnInsights.Of(outerDc.Context).Count;
        var result = await base.BeginDialogAsync(outerDc, options, cancellationToken).ConfigureAwait(false);
        JourneyInsights.AfterTurn(outerDc.Context, instance, InsightName, result, before);
        return result;
    }

    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext outerDc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outerDc);
        var instance = outerDc.ActiveDialog!;
        var before = TurnInsights.Of(outerDc.Context).Count;
        var result = await base.ContinueDialogAsync(outerDc, cancellationToken).ConfigureAwait(false);
        JourneyInsights.AfterTurn(outerDc.Context, instance, InsightName, result, before);
        return result;
    }

    /// <summary>Names the journey's outcome for the team's insights (completed, refused, failed, solved).</summary>
    protected void RecordOutcome(ITurnContext turnContext, string outcome) => JourneyInsights.Ended(turnContext, InsightName, outcome);

    /// <summary>Whether the journey is only for adults (a device's registration, warranty or claim); the way to a person is not.</summary>
    protected virtual bool ForAdultsOnly => true;

    /// <summary>A customer who said they are under 18 in this conversation is told again, whatever age they claim later.</summary>
    protected override async Task<DialogTurnResult> OnBeginDialogAsync(DialogContext innerDc, object? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(innerDc);
        if (ForAdultsOnly && innerDc.Context.GetFacts().AdultsOnly)
        {
            RecordOutcome(innerDc.Context, JourneyOutcomes.Refused);
            var text = Texts.Get(innerDc.Context.GetLanguage(), TextKey.ListenAdultsOnly);
            await innerDc.Context.SendActivityAsync(MessageFactory.Text(text), cancellationToken).ConfigureAwait(false);
            return new DialogTurnResult(DialogTurnStatus.Complete);
        }

        return await base.OnBeginDialogAsync(innerDc, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The text of <see cref="LeaveNote"/> for cancel, thanks and goodbye; null for none.</summary>
    protected virtual string? LeaveNoteKey => null;

    public abstract bool Serves(string intent);

    /// <summary>By default nothing that another journey could use or that would be lost.</summary>
    public virtual JourneyProgress Progress(DialogContext innerDc) => JourneyProgress.Nothing;

    /// <summary>What "help" says in this journey; by default how to answer, cancel or reach a person.</summary>
    public virtual string HelpText(ITurnContext turnContext) => Texts.Get(turnContext.GetLanguage(), TextKey.InterruptionHelp);

    /// <summary>By default the journey ends and the main dialog goes to a person, telling the agent which journey it was.</summary>
    public virtual RouteRequest? PersonRequest(DialogContext innerDc) => new(Intents.HumanAgent, null);

    public virtual string? LeaveNote(string language, LeaveKind kind)
        => kind is LeaveKind.Cancel or LeaveKind.Thanks or LeaveKind.Goodbye && LeaveNoteKey is { } key ? Texts.Get(language, key) : null;

    /// <summary>The innermost journey that is left has its say about what leaving means; outer ones don't repeat it.</summary>
    protected override Task<DialogTurnResult> OnInterruptionAsync(DialogContext innerDc, DialogInterruption interruption, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(innerDc);
        ArgumentNullException.ThrowIfNull(interruption);
        if (interruption.Request is Leaving { Note: null } leaving)
        {
            leaving.Note = LeaveNote(innerDc.Context.GetLanguage(), leaving.Kind);
        }

        RecordOutcome(innerDc.Context, JourneyInsights.OutcomeOf(interruption));

        return base.OnInterruptionAsync(innerDc, interruption, cancellationToken);
    }

    /// <summary>
    /// The options of the first waterfall on the journey's stack that has options of this type (its form), also
    /// inside the components the journey runs (the claim of a broken device); a prompt may be on top of it.
    /// </summary>
    protected static T? FindForm<T>(DialogContext innerDc)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(innerDc);
        return FindForm<T>(innerDc.Stack);
    }

    private static T? FindForm<T>(IEnumerable<DialogInstance> stack)
        where T : class
    {
        foreach (var instance in stack)
        {
            if (instance.State.TryGetValue(WaterfallDialog.OptionsKey, out var options) && options is T form)
            {
                return form;
            }

            if (instance.State.GetOrDefault<DialogState>(ComponentDialog.PersistedDialogState) is { } inner && FindForm<T>(inner.DialogStack) is { } nested)
            {
                return nested;
            }
        }

        return null;
    }
}
