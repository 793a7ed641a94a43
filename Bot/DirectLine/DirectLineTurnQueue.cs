using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace IqosBot.DirectLine;

/// <summary>
/// Runs the bot's turns in the background, after the HTTP response: one queue per conversation so
/// its turns run one at a time in the order the activities were echoed; conversations run in
/// parallel. On shutdown, turns in flight get a few seconds to finish.
/// </summary>
public sealed class DirectLineTurnQueue : IHostedService
{
    private static readonly TimeSpan ResponseWait = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan DrainWait = TimeSpan.FromSeconds(5);

    private readonly Dictionary<string, Task> _tails = new(StringComparer.Ordinal);
    private readonly IServiceScopeFactory _scopes;
    private readonly DirectLineAdapter _adapter;
    private readonly ILogger<DirectLineTurnQueue> _logger;
    // Never disposed: it has no timer or linked registrations, and turns may still read its token during shutdown.
    private readonly CancellationTokenSource _stopping = new();

    public DirectLineTurnQueue(IServiceScopeFactory scopes, DirectLineAdapter adapter, ILogger<DirectLineTurnQueue> logger)
    {
        _scopes = scopes ?? throw new ArgumentNullException(nameof(scopes));
        _adapter = adapter ?? throw new ArgumentNullException(nameof(adapter));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>Queues the bot's turn for <paramref name="activity"/>; it starts once <paramref name="startAfter"/> completes (the response is sent) or after a few seconds.</summary>
    public Task Enqueue(string conversationId, Activity activity, Task? startAfter = null)
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

            await RunAsync(activity).ConfigureAwait(false);
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

    private async Task RunAsync(Activity activity)
    {
        try
        {
            await using var scope = _scopes.CreateAsyncScope();
            var bot = scope.ServiceProvider.GetRequiredService<IBot>();
            await _adapter.RunTurnAsync(activity, bot, _stopping.Token).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A background turn must never take the process down; the error handler already apologised.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            _logger.LogError(exception, "A Direct Line {ActivityType} turn failed", activity.Type);
        }
    }
}
