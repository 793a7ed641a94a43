namespace IqosBot.Bot.Tests.Sandbox;

/// <summary>A clock stopped at one instant, so that expected dates can be written down.</summary>
public sealed class FixedClock(DateTimeOffset utcNow) : TimeProvider
{
    /// <summary>Midday in Stockholm on a mid-month day: month arithmetic has no end-of-month edge to hide behind.</summary>
    public static readonly DateTimeOffset Default = new(2025, 6, 15, 10, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => utcNow;
}
