using IqosBot.Bot.Tests.Hosting;
using IqosBot.Handoff;
using IqosBot.Insights;
using IqosBot.Insights.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace IqosBot.Bot.Tests.Insights;

/// <summary>
/// The unanswered messages go when transcripts go (Handoff:TranscriptRetentionDays, 30), the events without personal
/// data after Insights:EventRetentionDays (400); at start, then every hour, with nothing of them left in the file.
/// </summary>
public sealed class InsightRetentionTests : IDisposable
{
    private readonly TempDatabase _database = new();

    [Fact]
    public async Task Unanswered_messages_expire_with_transcripts_and_events_after_their_own_longer_retention()
    {
        var now = new DateTimeOffset(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);
        var clock = new FakeTimeProvider(now);
        var store = new SqliteInsightStore(new InsightDatabase(_database.Path));
        await store.AppendAsync(
            [new InsightEvent(now.AddDays(-401), "webchat/old", "webchat", "sv", "started"), new InsightEvent(now.AddDays(-399), "webchat/year", "webchat", "sv", "started")],
            [new UnansweredMessage(now.AddDays(-31), "webchat/month", "sv", "gammal fråga om klarna"), new UnansweredMessage(now.AddDays(-29), "webchat/new", "sv", "ny fråga")],
            CancellationToken.None);

        using var retention = new InsightRetention(
            store, Options.Create(new HandoffSettings()), Options.Create(new InsightsOptions()), clock, NullLogger<InsightRetention>.Instance);
        await retention.StartAsync(CancellationToken.None);
        // The round deletes texts first, then events, and then reclaims the file (until its write-ahead log is
        // checkpointed, the deleted row's old page is still on disk): wait for all of it.
        await WaitUntilAsync(async () => await store.ReadAsync(DateTimeOffset.UnixEpoch, now, CancellationToken.None) is { Unanswered.Count: 1, Events.Count: 1 }
            && !(await _database.AllStoredTextAsync()).Contains("gammal fr", StringComparison.Ordinal));

        var left = await store.ReadAsync(DateTimeOffset.UnixEpoch, now, CancellationToken.None);
        Assert.Equal(["webchat/year"], left.Events.Select(e => e.ConversationKey));
        Assert.Equal(["ny fråga"], left.Unanswered.Select(message => message.Text));
        Assert.DoesNotContain("gammal fr", await _database.AllStoredTextAsync(), StringComparison.Ordinal);

        // Two days on, at the next hourly round, the newer message's 30 days are over too.
        clock.Advance(TimeSpan.FromDays(2));
        await WaitUntilAsync(async () => (await store.ReadAsync(DateTimeOffset.UnixEpoch, now, CancellationToken.None)).Unanswered.Count == 0);
        await retention.StopAsync(CancellationToken.None);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> done)
    {
        for (var tries = 0; tries < 200 && !await done(); tries++)
        {
            await Task.Delay(50);
        }

        Assert.True(await done(), "Retention did not run.");
    }

    public void Dispose() => _database.Dispose();
}
