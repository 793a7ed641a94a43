using Microsoft.Bot.Schema;

namespace IqosBot.DirectLine;

/// <summary>
/// Runs the bot's turns in the background, after the HTTP response: one queue per conversation on this instance,
/// so its turns are started one at a time in the order the activities were echoed, and conversations run in
/// parallel. What each queued turn runs is decided by <see cref="DirectLineTurnRunner"/> under the conversation's
/// lock, from the log, so the order holds across instances too. On shutdown, turns in flight get a few seconds to
/// finish; what they leave owed is run by another instance (<see cref="StalledTurnSweeper"/>).
/// </summary>
public sealed class DirectLineTurnQueue : IHostedService
{
    private static readonly TimeSpan ResponseWait = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan DrainWait = TimeSpan.FromSeconds(5);

    private readonly Dictionary<string, Task> _tails = new(StringComparer.Ordinal);
    private readonly DirectLineTurnRunner _runner;
    private readonly ILogger<DirectLineTurnQueue> _logger;
    // Never disposed: it has no timer or linked registrations, and turns may still read its token during shutdown.
    private readonly CancellationTokenSource _stopping = new();

    public DirectLineTurnQueue(DirectLineTurnRunner runner, ILogger<DirectLineTurnQueue> logger)
    {
        _runner = runner ?? throw new ArgumentNullException(nameof(runner));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>
    /// Queues the bot's turn for the customer's <paramref name="activity"/>, already in the log (or typing, which is
    /// not kept), with every turn owed before it; it starts once <paramref name="startAfter"/> completes (the
    /// response is sent) or after a few seconds.
    /// </summary>
    public Task Enqueue(string conversationId, Activity activity, Task? startAfter = null)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return Chain(conversationId, startAfter, token => activity.Type == ActivityTypes.Typing || DirectLineTurnRunner.SequenceOf(activity.Id) is not { } sequence
            ? _runner.RunUnloggedAsync(activity, token)
            : _runner.RunDueAsync(conversationId, sequence, activity, activity.ServiceUrl, token));
    }

    /// <summary>Queues the welcome of a conversation that just started, unless another instance already ran it.</summary>
    public Task EnqueueWelcome(string conversationId, string serviceUrl, Task? startAfter = null)
        => Chain(conversationId, startAfter, token => _runner.RunDueAsync(conversationId, DirectLineTurnRunner.WelcomeOnly, null, serviceUrl, token));

    /// <summary>
    /// Queues everything a stalled conversation owes (its instance stopped before answering), unless turns of it
    /// are already queued here: those will run what is owed. Returns whether it was queued.
    /// </summary>
    public bool TryEnqueueStalled(string conversationId)
    {
        lock (_tails)
        {
            if (_tails.ContainsKey(conversationId))
            {
                return false;
            }

            _ = Chain(conversationId, null, token => _runner.RunDueAsync(conversationId, DirectLineTurnRunner.Everything, null, null, token));
            return true;
        }
    }

    /// <summary>Runs <paramref name="run"/> in the conversation's queue once <paramref name="startAfter"/> completed or a few seconds passed; failures are logged.</summary>
    private Task Chain(string conversationId, Task? startAfter, Func<CancellationToken, Task> run)
        => Chain(conversationId, async () =>
        {
            if (startAfter is not null)
            {
                try
                {
                    await startAfter.WaitAsync(ResponseWait, _stopping.Token).ConfigureAwait(false);
                }
                catch (Exception exception) when (exception is TimeoutException or OperationCanceledException or ObjectDisposedException)
                {
                    // The response never completed (the client left): run the turn anyway.
                }
            }

            try
            {
                await run(_stopping.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                // Shutting down: what is still owed stays owed in the store.
            }
#pragma warning disable CA1031 // A background turn must never take the process down (the store or the lock failed: the turns stay owed).
            catch (Exception exception)
#pragma warning restore CA1031
            {
                _logger.LogError(exception, "Running a Direct Line conversation's turns failed; what is owed runs again later");
            }
        });

    /// <summary>
    /// Queues a proactive turn (an agent's message, the hand-back to the bot) behind the conversation's
    /// customer turns, so the two never change its state at the same time. Completes when it has run.
    /// </summary>
    public Task EnqueueProactive(string conversationId, Func<CancellationToken, Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var completion = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _ = Chain(conversationId, async () =>
        {
            try
            {
                await work(_stopping.Token).ConfigureAwait(false);
                completion.TrySetResult();
            }
#pragma warning disable CA1031 // Handed to the caller through the task.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                completion.TrySetException(exception);
            }
        });
        return completion.Task;
    }

    /// <summary>Runs <paramref name="body"/> after everything queued before it for the same conversation.</summary>
    private Task Chain(string conversationId, Func<Task> body)
    {
        lock (_tails)
        {
            var previous = _tails.GetValueOrDefault(conversationId) ?? Task.CompletedTask;
            Task next = null!;
            next = Task.Run(async () =>
            {
                try
                {
                    await previous.ConfigureAwait(false);
                    await body().ConfigureAwait(false);
                }
                finally
                {
                    lock (_tails)
                    {
                        if (_tails.TryGetValue(conversationId, out var tail) && ReferenceEquals(tail, next))
                        {
                            _tails.Remove(conversationId);
                        }
                    }
                }
            });
            _tails[conversationId] = next;
            return next;
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        Task[] pending;
        lock (_tails)
        {
            pending = [.. _tails.Values];
        }

        await Task.WhenAny(Task.WhenAll(pending), Task.Delay(DrainWait, cancellationToken)).ConfigureAwait(false);
        await _stopping.CancelAsync().ConfigureAwait(false);
    }
}
