using System.Threading.Channels;

namespace IqosBot.Hosting;

/// <summary>
/// A queue that turns only write to, and a background writer that stores what it holds in batches: on the turn's path
/// a queue write, never a database write. The writer wakes when something is queued, waits <see cref="BatchWindow"/>
/// to gather more, and stores; a failed batch is reported (<see cref="OnWriteFailed"/>) and the next one is tried anew.
/// A clean shutdown stores what is left. <see cref="FlushAsync"/> stores now, for a reader that must see everything.
/// </summary>
/// <typeparam name="T">What is queued.</typeparam>
public abstract class BatchingWriter<T> : IHostedService
{
    // Neither is disposed: no wait handles or timers behind them, and a host may stop the writer after the container
    // has begun disposing (a flush then must still work).
    private readonly SemaphoreSlim _writing = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private Task _writer = Task.CompletedTask;

    protected BatchingWriter(Channel<T> queue)
    {
        Queue = queue ?? throw new ArgumentNullException(nameof(queue));
    }

    protected Channel<T> Queue { get; }

    /// <summary>How long the writer gathers after the first item arrives.</summary>
    protected abstract TimeSpan BatchWindow { get; }

    /// <summary>Stores what is queued; called with the writing gate held, so batches never overlap or reorder.</summary>
    protected abstract Task WriteQueuedAsync(CancellationToken cancellationToken);

    /// <summary>A background batch failed: log it in the subclass's words (the items of that batch are gone).</summary>
    protected abstract void OnWriteFailed(Exception exception);

    /// <summary>Stores what is queued now, after any batch being written.</summary>
    public Task FlushAsync(CancellationToken cancellationToken) => WhileWritingAsync(WriteQueuedAsync, cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _writer = Task.Run(() => WriteInBackgroundAsync(_stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await _writer.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopped while waiting for items: expected.
        }

        await FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs <paramref name="write"/> with the writing gate held: a write of its own in order with the batches.</summary>
    protected async Task WhileWritingAsync(Func<CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        await _writing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await write(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writing.Release();
        }
    }

    private async Task WriteInBackgroundAsync(CancellationToken stoppingToken)
    {
        while (await Queue.Reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
        {
            await Task.Delay(BatchWindow, stoppingToken).ConfigureAwait(false);
            try
            {
                await FlushAsync(stoppingToken).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // A failed batch is reported; the customers' turns go on, and the next batch is tried anew.
            catch (Exception exception) when (exception is not OperationCanceledException)
#pragma warning restore CA1031
            {
                OnWriteFailed(exception);
            }
        }
    }
}
