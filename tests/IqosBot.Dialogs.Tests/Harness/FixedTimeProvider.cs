namespace IqosBot.Dialogs.Tests.Harness;

/// <summary>
/// A clock that stands still until a test moves it, so dates in replies (days left, "igår", "has ended")
/// can be written out in the test. Microsoft.Extensions.TimeProvider.Testing is not referenced here.
/// </summary>
public sealed class FixedTimeProvider : TimeProvider
{
    /// <summary>Thursday 26 November 2026, 11:00 in Stockholm.</summary>
    public static readonly DateTimeOffset DefaultNow = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);

    private DateTimeOffset _now;

    public FixedTimeProvider(DateTimeOffset? now = null)
    {
        _now = now ?? DefaultNow;
    }

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
