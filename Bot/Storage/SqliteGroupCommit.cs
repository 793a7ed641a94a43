using Microsoft.Data.Sqlite;

namespace IqosBot.Storage;

/// <summary>
/// Group commit for one SQLite file: writes that arrive while another group is being written wait, and are then
/// run together in one transaction, each under a savepoint of its own, so one that fails is undone alone and the
/// others still commit. Each caller's task completes only once its write is committed, exactly as if it had
/// committed alone. Under load every commit costs the same locks, WAL header and shared pages (a conversation's
/// row, an index page) whether it holds one write or ten: a Direct Line turn writes its log, its state and its
/// "ran" mark in separate transactions, and with many conversations at once these now share commits
/// (bench/README.md). With nothing else writing, a write runs alone, without a savepoint.
/// </summary>
internal sealed class SqliteGroupCommit(SqliteFile file)
{
    // Bounds one transaction: a commit holds the file's write lock, and its waiting writers wait for all of it.
    private const int MaxWritesPerGroup = 64;

    private readonly object _lock = new();
    private Queue<IWrite> _queue = new();
    private bool _writing;

    /// <summary>
    /// Runs <paramref name="write"/> inside a transaction shared with other writes of the file, and completes with its
    /// result once that transaction committed. The write must not begin or end a transaction of its own, and runs
    /// its commands in the one given. When it throws, everything it wrote is undone and the exception is thrown here.
    /// </summary>
    public async Task<T> WriteAsync<T>(Func<SqliteSession, SqliteTransaction?, Task<T>> write, bool oneStatement, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        cancellationToken.ThrowIfCancellationRequested();
        var pending = new Write<T>(write, oneStatement, cancellationToken);
        bool lead;
        lock (_lock)
        {
            _queue.Enqueue(pending);
            lead = !_writing;
            _writing = true;
        }

        // The first caller writes on its own thread: its write is in the group it takes, so it never waits for a
        // task switch; whoever queued behind it is written by a group started on the thread pool.
        if (lead)
        {
            await WriteNextGroupAsync().ConfigureAwait(false);
        }

        return await pending.Result.ConfigureAwait(false);
    }

    private async Task WriteNextGroupAsync()
    {
        List<IWrite> group;
        lock (_lock)
        {
            group = new List<IWrite>(Math.Min(_queue.Count, MaxWritesPerGroup));
            while (group.Count < MaxWritesPerGroup && _queue.TryDequeue(out var next))
            {
                group.Add(next);
            }
        }

        try
        {
            await file.CommitGroupAsync(group).ConfigureAwait(false);
        }
        finally
        {
            lock (_lock)
            {
                if (_queue.Count == 0)
                {
                    _writing = false;
                }
                else
                {
                    _ = Task.Run(WriteNextGroupAsync);
                }
            }
        }
    }

    /// <summary>One queued write, as <see cref="SqliteFile.CommitGroupAsync"/> runs it.</summary>
    internal interface IWrite
    {
        /// <summary>A single statement: alone, it runs without a transaction.</summary>
        bool OneStatement { get; }

        /// <summary>Runs the write; its result or exception is kept for <see cref="Complete"/>. False when it threw.</summary>
        Task<bool> RunAsync(SqliteSession session, SqliteTransaction? transaction);

        /// <summary>After the commit (<paramref name="failure"/> null), or when the group's transaction failed; a write that threw reports its own exception.</summary>
        void Complete(Exception? failure);
    }

    private sealed class Write<T>(Func<SqliteSession, SqliteTransaction?, Task<T>> write, bool oneStatement, CancellationToken cancellationToken) : IWrite
    {
        private readonly TaskCompletionSource<T> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? _value;
        private Exception? _exception;

        public Task<T> Result => _result.Task;

        public bool OneStatement => oneStatement;

        public async Task<bool> RunAsync(SqliteSession session, SqliteTransaction? transaction)
        {
            try
            {
                cancellationToken.ThrowIfCancellationRequested();
                _value = await write(session, transaction).ConfigureAwait(false);
                return true;
            }
#pragma warning disable CA1031 // Handed to the writer's caller through its task, once the group is settled.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                _exception = exception;
                return false;
            }
        }

        public void Complete(Exception? failure)
        {
            if ((_exception ?? failure) is { } error)
            {
                if (error is OperationCanceledException canceled)
                {
                    _result.TrySetCanceled(canceled.CancellationToken);
                }
                else
                {
                    _result.TrySetException(error);
                }
            }
            else
            {
                _result.TrySetResult(_value!);
            }
        }
    }
}
