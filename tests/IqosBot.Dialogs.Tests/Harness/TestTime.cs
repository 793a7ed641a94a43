namespace IqosBot.Dialogs.Tests.Harness;

/// <summary>
/// Where the dialog tests' clocks (<c>FakeTimeProvider</c>, standing still until a test moves it) start unless a
/// test picks another instant, so dates in replies (days left, "igår", "has ended") can be written out in the test.
/// </summary>
internal static class TestTime
{
    /// <summary>Thursday 26 November 2026, 11:00 in Stockholm.</summary>
    public static readonly DateTimeOffset DefaultNow = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);
}
