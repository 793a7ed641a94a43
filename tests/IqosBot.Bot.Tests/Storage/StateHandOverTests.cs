using IqosBot.Storage;
using Microsoft.Extensions.Time.Testing;

namespace IqosBot.Bot.Tests.Storage;

/// <summary>
/// What the instance keeps in memory between a conversation's turns: taken once, never older than
/// <see cref="StateHandOver.KeepFor"/> (even when no turn comes to take it), never more than
/// <see cref="StateHandOver.Capacity"/> conversations, and gone when forgotten.
/// </summary>
public sealed class StateHandOverTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_kept_state_is_taken_once_with_the_etag_it_was_written_with()
    {
        using var handOver = new StateHandOver(_time);
        var state = new Dictionary<string, object> { ["step"] = "serial" };
        handOver.Keep("webchat/conversations/a", "etag-1", state);

        Assert.True(handOver.TryTake("webchat/conversations/a", out var etag, out var value));
        Assert.Equal("etag-1", etag);
        Assert.Same(state, value);
        Assert.False(handOver.TryTake("webchat/conversations/a", out _, out _));
        Assert.False(handOver.TryTake("webchat/conversations/b", out _, out _));
    }

    [Fact]
    public void A_state_older_than_the_limit_is_not_handed_over()
    {
        using var handOver = new StateHandOver(_time);
        handOver.Keep("webchat/conversations/a", "etag-1", new object());

        _time.Advance(StateHandOver.KeepFor + TimeSpan.FromSeconds(1));

        Assert.False(handOver.TryTake("webchat/conversations/a", out _, out _));
    }

    [Fact]
    public void States_no_turn_came_for_are_dropped_by_the_clock_alone()
    {
        using var handOver = new StateHandOver(_time);
        handOver.Keep("webchat/conversations/a", "etag-1", new object());
        _time.Advance(StateHandOver.KeepFor / 2);
        handOver.Keep("webchat/conversations/b", "etag-2", new object());

        _time.Advance((StateHandOver.KeepFor / 2) + (StateHandOver.KeepFor / 4) + TimeSpan.FromSeconds(1));

        // a is past the limit and gone without anyone asking for it; b, kept later, still waits.
        Assert.Equal(1, handOver.Count);

        _time.Advance(StateHandOver.KeepFor / 2);

        Assert.Equal(0, handOver.Count);
        Assert.False(handOver.TryTake("webchat/conversations/b", out _, out _));
    }

    [Fact]
    public void Beyond_capacity_the_oldest_go_and_the_newest_stay()
    {
        using var handOver = new StateHandOver(_time);
        for (var i = 0; i <= StateHandOver.Capacity; i++)
        {
            handOver.Keep($"webchat/conversations/{i}", "etag", new object());
            _time.Advance(TimeSpan.FromMilliseconds(10));
        }

        Assert.InRange(handOver.Count, StateHandOver.Capacity / 2, StateHandOver.Capacity);
        Assert.False(handOver.TryTake("webchat/conversations/0", out _, out _));
        Assert.True(handOver.TryTake($"webchat/conversations/{StateHandOver.Capacity}", out _, out _));
    }

    [Fact]
    public void Forgotten_keys_are_gone_and_others_stay()
    {
        using var handOver = new StateHandOver(_time);
        handOver.Keep("webchat/conversations/a", "etag-1", new object());
        handOver.Keep("webchat/conversations/b", "etag-2", new object());

        handOver.Forget(["webchat/conversations/a", "webchat/conversations/unknown"]);

        Assert.False(handOver.TryTake("webchat/conversations/a", out _, out _));
        Assert.True(handOver.TryTake("webchat/conversations/b", out _, out _));
    }
}
