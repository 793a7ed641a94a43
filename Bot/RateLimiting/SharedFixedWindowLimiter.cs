using System.Threading.RateLimiting;
using RedisRateLimiting;
using StackExchange.Redis;

namespace IqosBot.RateLimiting;

/// <summary>
/// One partition's fixed window counted in Redis (RedisRateLimiting's fixed-window limiter), so all instances draw
/// on one budget: a client that spreads its requests over N instances still gets the limit once, not N times.
/// Two things the Redis limiter alone does not do, and this does: while Redis cannot be reached, the instance
/// counts the window itself (the per-instance limit of a single instance) instead of failing the request; and it
/// says how long it has been idle, so the rate limiter forgets the partitions of clients gone quiet (the Redis
/// limiter reports zero, which would keep one partition in memory per client address ever seen).
/// </summary>
internal sealed class SharedFixedWindowLimiter : RateLimiter
{
    private static readonly RateLimitLease NotYet = new RefusedLease();

    private readonly RedisFixedWindowRateLimiter<string> _shared;
    private readonly FixedWindowRateLimiter _local;
    private readonly IConnectionMultiplexer _redis;
    private long _lastUsed = Environment.TickCount64;

    public SharedFixedWindowLimiter(string partitionKey, RateWindow window, IConnectionMultiplexer redis)
    {
        ArgumentNullException.ThrowIfNull(window);
        _redis = redis ?? throw new ArgumentNullException(nameof(redis));
        _shared = new RedisFixedWindowRateLimiter<string>(partitionKey, new RedisFixedWindowRateLimiterOptions
        {
            ConnectionMultiplexerFactory = () => redis,
            PermitLimit = window.PermitLimit,
            Window = TimeSpan.FromSeconds(window.WindowSeconds),
        });
        _local = new FixedWindowRateLimiter(new FixedWindowRateLimiterOptions
        {
            PermitLimit = window.PermitLimit,
            Window = TimeSpan.FromSeconds(window.WindowSeconds),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    public override TimeSpan? IdleDuration => TimeSpan.FromMilliseconds(Environment.TickCount64 - Interlocked.Read(ref _lastUsed));

    public override RateLimiterStatistics? GetStatistics() => _local.GetStatistics();

    /// <summary>Counting in Redis is a round trip, never made synchronously: refusing here makes the middleware ask <see cref="AcquireAsyncCore"/>.</summary>
    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        Interlocked.Exchange(ref _lastUsed, Environment.TickCount64);
        return NotYet;
    }

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref _lastUsed, Environment.TickCount64);

        // A disconnected multiplexer would hold the command for its whole timeout; the request should not wait for that.
        if (_redis.IsConnected)
        {
            try
            {
                return await _shared.AcquireAsync(permitCount, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is RedisException or TimeoutException)
            {
                // Redis went away mid-request: this instance counts it.
            }
        }

        return await _local.AcquireAsync(permitCount, cancellationToken).ConfigureAwait(false);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _shared.Dispose();
            _local.Dispose();
        }

        base.Dispose(disposing);
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await _shared.DisposeAsync().ConfigureAwait(false);
        await _local.DisposeAsync().ConfigureAwait(false);
    }

    private sealed class RefusedLease : RateLimitLease
    {
        public override bool IsAcquired => false;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}
