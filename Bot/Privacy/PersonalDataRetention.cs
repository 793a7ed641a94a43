using IqosBot.Conversations;
using IqosBot.Handoff;
using IqosBot.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;

namespace IqosBot.Privacy;

/// <summary>
/// Deletes personal data when its retention is over, at start and every hour, in bounded batches: the state of
/// inactive conversations (replaced by a marker without personal data, so a returning customer hears why the
/// bot starts afresh), ended handoff cases with their transcripts, and callback tickets that are done. Then it
/// zeroes the freed space and empties the write-ahead logs, so nothing deleted stays readable in the files.
/// Logs counts only.
/// </summary>
public sealed partial class PersonalDataRetention(
    IStateStore state,
    ICaseStore cases,
    ICallbackStore callbacks,
    IHandoffTranscriptStore transcripts,
    ConversationLocks locks,
    IOptions<RetentionOptions> options,
    TimeProvider time,
    ILogger<PersonalDataRetention> logger) : Hosting.PeriodicWork(time)
{
    private const int Batch = 200;

    private static readonly TimeSpan SweepInterval = TimeSpan.FromHours(1);

    /// <summary>The property the bot keeps its <see cref="ConversationData"/> under in conversation state.</summary>
    private const string ConversationDataProperty = nameof(ConversationData);

    /// <summary>One sweep, as the timer runs it.</summary>
    public async Task<RetentionSweep> SweepAsync(CancellationToken cancellationToken)
    {
        var now = Time.GetUtcNow();
        var settings = options.Value;
        var states = await ExpireStateAsync(now.AddDays(-settings.InactiveConversationDays), cancellationToken).ConfigureAwait(false);

        var caseCutoff = now.AddDays(-settings.EndedCaseDays);
        int casesDeleted = 0, linesDeleted = 0;
        IReadOnlyList<string> ended;
        do
        {
            ended = await cases.DeleteEndedBeforeAsync(caseCutoff, Batch, cancellationToken).ConfigureAwait(false);
            casesDeleted += ended.Count;
            linesDeleted += await transcripts.DeleteConversationsBeforeAsync(ended.Distinct(StringComparer.Ordinal).ToList(), caseCutoff, cancellationToken).ConfigureAwait(false);
        }
        while (ended.Count == Batch && !cancellationToken.IsCancellationRequested);

        var ticketsDeleted = 0;
        int round;
        do
        {
            round = await callbacks.DeleteDoneBeforeAsync(now.AddDays(-settings.DoneCallbackDays), Batch, cancellationToken).ConfigureAwait(false);
            ticketsDeleted += round;
        }
        while (round == Batch && !cancellationToken.IsCancellationRequested);

        var sweep = new RetentionSweep(states.Cleared, states.Deleted, casesDeleted, linesDeleted, ticketsDeleted);
        if (sweep.Total > 0)
        {
            await state.ReclaimAsync(cancellationToken).ConfigureAwait(false);
            await transcripts.ReclaimAsync(cancellationToken).ConfigureAwait(false);
            LogSwept(sweep.ConversationsCleared, sweep.StateRowsDeleted, sweep.CasesDeleted, sweep.TranscriptLinesDeleted, sweep.CallbackTicketsDeleted);
        }

        return sweep;
    }

    protected override TimeSpan Interval => SweepInterval;

    protected override bool RunsAtStart => true;

    protected override async Task RunOnceAsync(CancellationToken cancellationToken) => await SweepAsync(cancellationToken).ConfigureAwait(false);

    protected override void OnFailed(Exception exception) => LogFailed(exception.GetType().Name);

    /// <summary>
    /// Conversation rows become a marker (<see cref="ConversationData.StateCleared"/>), which itself goes after
    /// another period, each under the conversation's turn lock; other rows (throttles, anything else) are
    /// deleted. Conversations with a case still waiting or with an agent are left alone.
    /// </summary>
    private async Task<(int Cleared, int Deleted)> ExpireStateAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var open = (await cases.OpenConversationKeysAsync(cancellationToken).ConfigureAwait(false)).Select(StateKeyOf).ToHashSet(StringComparer.Ordinal);
        int cleared = 0, deleted = 0;
        var after = string.Empty;
        IReadOnlyList<string> keys;
        do
        {
            keys = await state.KeysNotWrittenSinceAsync(cutoff, after, Batch, cancellationToken).ConfigureAwait(false);
            after = keys.Count > 0 ? keys[^1] : after;
            var due = keys.Where(key => !open.Contains(key)).ToList();
            var gone = due.Where(key => !IsConversationKey(key)).ToArray();
            await state.DeleteAsync(gone, cancellationToken).ConfigureAwait(false);
            deleted += gone.Length;
            foreach (var key in due.Where(IsConversationKey))
            {
                // Under the conversation's turn lock no turn runs; one that ran since the keys were selected has
                // written the row, and then it is not due any more.
                using var held = await locks.AcquireAsync(TurnLockKeyOf(key), cancellationToken).ConfigureAwait(false);
                if (!await state.NotWrittenSinceAsync(key, cutoff, cancellationToken).ConfigureAwait(false))
                {
                    continue;
                }

                var stored = await state.ReadAsync([key], cancellationToken).ConfigureAwait(false);
                if (stored.TryGetValue(key, out var value) && IsMarker(value))
                {
                    await state.DeleteAsync([key], cancellationToken).ConfigureAwait(false);
                    deleted++;
                }
                else
                {
                    await state.WriteAsync(new Dictionary<string, object>(StringComparer.Ordinal) { [key] = Marker() }, cancellationToken).ConfigureAwait(false);
                    cleared++;
                }
            }
        }
        while (keys.Count == Batch && !cancellationToken.IsCancellationRequested);

        return (cleared, deleted);
    }

    /// <summary>The SDK's conversation state key: "{channel}/conversations/{id}".</summary>
    private static bool IsConversationKey(string key) => key.Contains("/conversations/", StringComparison.Ordinal);

    /// <summary>"{channel}/conversations/{id}" as the bot's turn lock names the conversation: "{channel}/{id}".</summary>
    private static string TurnLockKeyOf(string stateKey) => stateKey.Replace("/conversations/", "/", StringComparison.Ordinal);

    /// <summary>A case's "{channel}/{id}" as the SDK's conversation state key.</summary>
    private static string StateKeyOf(string conversationKey)
    {
        var slash = conversationKey.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? conversationKey : conversationKey[..slash] + "/conversations/" + conversationKey[(slash + 1)..];
    }

    private static Dictionary<string, object> Marker()
        => new(StringComparer.Ordinal) { [ConversationDataProperty] = new ConversationData { StateCleared = true, Welcomed = true } };

    private static bool IsMarker(object value)
        => value is IDictionary<string, object> properties && properties.Count == 1
           && properties.TryGetValue(ConversationDataProperty, out var data) && data is ConversationData { StateCleared: true };

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: {Cleared} inactive conversations cleared, {StateRows} other state rows, {Cases} ended cases, {Lines} transcript lines and {Tickets} done callback tickets deleted")]
    private partial void LogSwept(int cleared, int stateRows, int cases, int lines, int tickets);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retention failed ({Error}); it runs again within the hour")]
    private partial void LogFailed(string error);
}

/// <summary>What one retention sweep removed.</summary>
public sealed record RetentionSweep(int ConversationsCleared, int StateRowsDeleted, int CasesDeleted, int TranscriptLinesDeleted, int CallbackTicketsDeleted)
{
    public int Total => ConversationsCleared + StateRowsDeleted + CasesDeleted + TranscriptLinesDeleted + CallbackTicketsDeleted;
}
