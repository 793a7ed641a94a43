using IqosBot.DirectLine;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;

namespace IqosBot.Bot.Tests.DirectLine;

/// <summary>
/// What every Direct Line store must do, run against each provider (SQLite and PostgreSQL): conversations made
/// once and started once, activities numbered by the store without gaps or repeats even when appended at
/// once, timestamps that only go forward, the newest kept under the cap, pages with the right watermark, and
/// idle conversations deleted with their activities.
/// </summary>
public abstract class DirectLineStoreContract
{
    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero));

    /// <summary>A store on this test's database; called again, another instance's store on the same database (the same one where the provider serves one instance only).</summary>
    protected abstract IDirectLineStore Open(int maxActivities = 1000, TimeProvider? time = null);

    /// <summary>An activity's JSON as the hub renders it: its id and timestamp from the store.</summary>
    protected static string Render(string conversationId, long sequence, DateTimeOffset timestamp, string text)
        => new JObject
        {
            ["type"] = "message",
            ["id"] = DirectLineHub.ActivityId(conversationId, sequence),
            ["timestamp"] = timestamp.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["text"] = text,
        }.ToString(Newtonsoft.Json.Formatting.None);

    protected static Task<(long Sequence, string Json)> AppendTextAsync(IDirectLineStore store, string conversationId, string text, LogEntry entry = LogEntry.Kept)
        => store.AppendAsync(conversationId, (sequence, timestamp) => Render(conversationId, sequence, timestamp, text), entry, CancellationToken.None);

    private static string NewId() => "dl-" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task A_conversation_is_created_once_and_found_with_its_user_and_locale()
    {
        var store = Open();
        var id = NewId();

        Assert.True(await store.CreateAsync(id, "dl_user1", "Anna", "sv-SE", CancellationToken.None));
        Assert.False(await store.CreateAsync(id, "dl_other", "Bo", "en-US", CancellationToken.None));

        var found = await store.FindAsync(id, CancellationToken.None);
        Assert.Equal(new DirectLineConversationRecord(id, "dl_user1", "Anna", "sv-SE", false), found);
        Assert.Null(await store.FindAsync(NewId(), CancellationToken.None));
    }

    [Fact]
    public async Task Of_many_instances_starting_a_conversation_at_once_exactly_one_is_told_to_greet()
    {
        var id = NewId();
        await Open().CreateAsync(id, "dl_user1", null, null, CancellationToken.None);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Open().TryMarkStartedAsync(id, i == 0 ? "en-US" : null, CancellationToken.None)));

        Assert.Single(results, started => started);
        Assert.True((await Open().FindAsync(id, CancellationToken.None))!.Started);
    }

    [Fact]
    public async Task Activities_are_numbered_from_zero_with_later_timestamps_and_typing_takes_a_number_but_is_not_kept()
    {
        var store = Open(time: Clock);
        var id = NewId();
        await store.CreateAsync(id, "dl_user1", null, "sv-SE", CancellationToken.None);

        var first = await AppendTextAsync(store, id, "hej");
        var typing = await AppendTextAsync(store, id, "…", LogEntry.Typing);
        var third = await AppendTextAsync(store, id, "Hej! Vad kan jag hjälpa till med?");

        Assert.Equal([0L, 1L, 2L], new[] { first.Sequence, typing.Sequence, third.Sequence });
        var page = (await store.ReadPageAsync(id, 0, 100, CancellationToken.None))!;
        Assert.Equal([0L, 2L], page.Activities.Select(row => row.Sequence));
        Assert.Equal(3, page.NextSequence);
        Assert.Equal(3, page.Watermark(100));

        // The clock stood still: each timestamp is still later than the one before.
        var stamps = page.Activities.Select(row => JObject.Parse(row.Json).Value<DateTime>("timestamp")).ToList();
        Assert.True(stamps[1] > stamps[0], $"{stamps[1]:O} is not after {stamps[0]:O}");
    }

    [Fact]
    public async Task Appends_from_every_instance_at_once_get_each_number_once_without_gaps_and_time_goes_forward_with_the_numbers()
    {
        var id = NewId();
        await Open().CreateAsync(id, "dl_user1", null, null, CancellationToken.None);
        var stores = new[] { Open(), Open() };

        var appended = await Task.WhenAll(Enumerable.Range(0, 60).Select(i => Task.Run(() => AppendTextAsync(stores[i % 2], id, "message " + i))));

        Assert.Equal(Enumerable.Range(0, 60).Select(i => (long)i), appended.Select(a => a.Sequence).Order());
        var page = (await Open().ReadPageAsync(id, 0, 1000, CancellationToken.None))!;
        Assert.Equal(60, page.Activities.Count);
        Assert.Equal(Enumerable.Range(0, 60).Select(i => "message " + i).Order(StringComparer.Ordinal), page.Activities.Select(row => JObject.Parse(row.Json).Value<string>("text")!).Order(StringComparer.Ordinal));
        var stamps = page.Activities.Select(row => JObject.Parse(row.Json).Value<DateTime>("timestamp")).ToList();
        Assert.All(stamps.Zip(stamps.Skip(1)), pair => Assert.True(pair.Second > pair.First, $"{pair.Second:O} is not after {pair.First:O}"));
    }

    [Fact]
    public async Task Only_the_newest_activities_under_the_cap_are_kept_and_numbers_go_on()
    {
        var store = Open(maxActivities: 10);
        var id = NewId();
        await store.CreateAsync(id, "dl_user1", null, null, CancellationToken.None);
        for (var i = 0; i < 25; i++)
        {
            await AppendTextAsync(store, id, "m" + i);
        }

        var page = (await store.ReadPageAsync(id, 0, 100, CancellationToken.None))!;
        Assert.Equal(Enumerable.Range(15, 10).Select(i => (long)i), page.Activities.Select(row => row.Sequence));
        Assert.Equal(25, page.NextSequence);
    }

    [Fact]
    public async Task A_page_cut_short_continues_after_its_last_activity()
    {
        var store = Open();
        var id = NewId();
        await store.CreateAsync(id, "dl_user1", null, null, CancellationToken.None);
        for (var i = 0; i < 7; i++)
        {
            await AppendTextAsync(store, id, "m" + i);
        }

        var first = (await store.ReadPageAsync(id, 0, 3, CancellationToken.None))!;
        Assert.Equal([0L, 1L, 2L], first.Activities.Select(row => row.Sequence));
        Assert.Equal(3, first.Watermark(3));
        var rest = (await store.ReadPageAsync(id, first.Watermark(3), 100, CancellationToken.None))!;
        Assert.Equal([3L, 4L, 5L, 6L], rest.Activities.Select(row => row.Sequence));
        Assert.Equal(7, rest.Watermark(100));
        Assert.Null(await store.ReadPageAsync(NewId(), 0, 100, CancellationToken.None));
    }

    [Fact]
    public async Task An_updated_activity_keeps_its_number_and_a_deleted_one_is_gone()
    {
        var store = Open();
        var id = NewId();
        await store.CreateAsync(id, "dl_user1", null, null, CancellationToken.None);
        await AppendTextAsync(store, id, "Välj ett alternativ");
        await AppendTextAsync(store, id, "andra");

        Assert.Equal(0, await store.ReplaceAsync(id, DirectLineHub.ActivityId(id, 0), "{\"text\":\"Du valde: ja\"}", CancellationToken.None));
        Assert.Null(await store.ReplaceAsync(id, DirectLineHub.ActivityId(id, 9), "{}", CancellationToken.None));
        await store.DeleteAsync(id, DirectLineHub.ActivityId(id, 1), CancellationToken.None);

        var page = (await store.ReadPageAsync(id, 0, 100, CancellationToken.None))!;
        Assert.Equal([(0L, "{\"text\":\"Du valde: ja\"}")], page.Activities);
    }

    [Fact]
    public async Task A_clients_retry_of_a_message_is_stored_once_even_when_it_races_the_original_on_another_instance()
    {
        var id = NewId();
        await Open().CreateAsync(id, "dl_user1", null, null, CancellationToken.None);
        var stores = new[] { Open(), Open() };
        string Customer(long sequence, DateTimeOffset timestamp, string clientId) => new JObject
        {
            ["type"] = "message",
            ["id"] = DirectLineHub.ActivityId(id, sequence),
            ["from"] = new JObject { ["id"] = "dl_user1", ["role"] = "user" },
            ["channelData"] = new JObject { ["clientActivityID"] = clientId },
            ["text"] = "hej",
        }.ToString(Newtonsoft.Json.Formatting.None);

        var first = await stores[0].AppendOnceAsync(id, "client-1", (sequence, timestamp) => Customer(sequence, timestamp, "client-1"), CancellationToken.None);
        var raced = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() =>
            stores[i % 2].AppendOnceAsync(id, "client-2", (sequence, timestamp) => Customer(sequence, timestamp, "client-2"), CancellationToken.None))));
        var retry = await stores[1].AppendOnceAsync(id, "client-1", (sequence, timestamp) => Customer(sequence, timestamp, "client-1"), CancellationToken.None);

        Assert.True(first.Appended);
        Assert.Single(raced, result => result.Appended);
        Assert.Single(raced.Select(result => result.Sequence).Distinct());
        Assert.False(retry.Appended);
        Assert.Equal(first.Sequence, retry.Sequence);
        var page = (await Open().ReadPageAsync(id, 0, 100, CancellationToken.None))!;
        Assert.Equal(2, page.Activities.Count);
        Assert.Equal(2, page.NextSequence);
    }

    [Fact]
    public async Task Appending_to_a_conversation_that_does_not_exist_is_refused()
    {
        await Assert.ThrowsAsync<KeyNotFoundException>(() => AppendTextAsync(Open(), NewId(), "hej"));
    }

    [Fact]
    public async Task Conversations_idle_past_the_cutoff_go_with_their_activities_in_batches_and_the_rest_stay()
    {
        var store = Open(time: Clock);
        var old = Enumerable.Range(0, 3).Select(_ => NewId()).ToList();
        foreach (var id in old)
        {
            await store.CreateAsync(id, "dl_user1", null, null, CancellationToken.None);
            await AppendTextAsync(store, id, "min adress är Storgatan 1");
        }

        Clock.Advance(TimeSpan.FromDays(8));
        var recent = NewId();
        await store.CreateAsync(recent, "dl_user2", null, null, CancellationToken.None);
        await AppendTextAsync(store, recent, "hej");
        var cutoff = Clock.GetUtcNow() - TimeSpan.FromDays(7);

        Assert.Equal(2, await store.DeleteIdleAsync(cutoff, 2, CancellationToken.None));
        Assert.Equal(1, await store.DeleteIdleAsync(cutoff, 2, CancellationToken.None));
        Assert.Equal(0, await store.DeleteIdleAsync(cutoff, 2, CancellationToken.None));

        foreach (var id in old)
        {
            Assert.Null(await store.FindAsync(id, CancellationToken.None));
            Assert.Null(await store.ReadPageAsync(id, 0, 100, CancellationToken.None));
        }

        Assert.Single((await store.ReadPageAsync(recent, 0, 100, CancellationToken.None))!.Activities);
        Assert.Equal(0, await CountActivitiesAsync(old));
    }

    /// <summary>Rows left in the activity table for these conversations, read behind the store's back.</summary>
    protected abstract Task<long> CountActivitiesAsync(IReadOnlyCollection<string> conversationIds);

    [Fact]
    public async Task A_started_conversation_owes_its_welcome_and_each_customer_activity_in_order_until_their_turns_ran()
    {
        var store = Open();
        var id = NewId();
        await store.CreateAsync(id, "dl_user1", null, "sv-SE", CancellationToken.None);
        var before = (await store.ReadDueTurnsAsync(id, long.MaxValue, CancellationToken.None))!;
        Assert.False(before.WelcomeDue);
        Assert.Empty(before.Activities);
        await store.TryMarkStartedAsync(id, null, CancellationToken.None);

        var first = await AppendTextAsync(store, id, "hej", LogEntry.CustomerTurn);
        await AppendTextAsync(store, id, "Hej! Vad kan jag hjälpa till med?");
        await AppendTextAsync(store, id, "…", LogEntry.Typing);
        var second = await AppendTextAsync(store, id, "min iluma blinkar", LogEntry.CustomerTurn);
        var third = await AppendTextAsync(store, id, "rött", LogEntry.CustomerTurn);

        var due = (await store.ReadDueTurnsAsync(id, long.MaxValue, CancellationToken.None))!;
        Assert.True(due.WelcomeDue);
        Assert.Equal([first, second, third], due.Activities);
        Assert.Equal(["Hej! Vad kan jag hjälpa till med?"], due.Sent.Select(json => JObject.Parse(json).Value<string>("text")));

        Assert.Equal(third.Sequence, due.OwedThrough);

        // Only up to the one a caller runs for: what came after is the next caller's.
        var upToSecond = (await store.ReadDueTurnsAsync(id, second.Sequence, CancellationToken.None))!;
        Assert.Equal([first, second], upToSecond.Activities);
        Assert.Equal(second.Sequence, upToSecond.OwedThrough);

        await store.MarkWelcomedAsync(id, CancellationToken.None);
        await store.MarkTurnRanAsync(id, first.Sequence, CancellationToken.None);
        due = (await store.ReadDueTurnsAsync(id, long.MaxValue, CancellationToken.None))!;
        Assert.False(due.WelcomeDue);
        Assert.Equal([second, third], due.Activities);

        // A late marker for an earlier turn (an instance that was slow) does not make later ones owed again.
        await store.MarkTurnRanAsync(id, third.Sequence, CancellationToken.None);
        await store.MarkTurnRanAsync(id, first.Sequence, CancellationToken.None);
        var settled = (await Open().ReadDueTurnsAsync(id, long.MaxValue, CancellationToken.None))!;
        Assert.Empty(settled.Activities);
        Assert.Equal(-1, settled.OwedThrough);
        Assert.Null(await store.ReadDueTurnsAsync(NewId(), long.MaxValue, CancellationToken.None));
    }

    [Fact]
    public async Task A_message_the_client_posts_twice_is_owed_one_turn()
    {
        var store = Open();
        var id = NewId();
        await store.CreateAsync(id, "dl_user1", null, null, CancellationToken.None);
        string Message(long sequence, DateTimeOffset timestamp) => new JObject
        {
            ["type"] = "message",
            ["id"] = DirectLineHub.ActivityId(id, sequence),
            ["from"] = new JObject { ["id"] = "dl_user1", ["role"] = "user" },
            ["text"] = "reservdel",
            ["channelData"] = new JObject { ["clientActivityID"] = "wc-1" },
        }.ToString(Newtonsoft.Json.Formatting.None);

        await store.AppendOnceAsync(id, "wc-1", Message, CancellationToken.None);
        await Open().AppendOnceAsync(id, "wc-1", Message, CancellationToken.None);

        Assert.Single((await store.ReadDueTurnsAsync(id, long.MaxValue, CancellationToken.None))!.Activities);
    }

    [Fact]
    public async Task Conversations_owing_a_turn_and_quiet_since_the_cutoff_are_found_as_stalled_and_no_others()
    {
        var store = Open(time: Clock);
        async Task<string> ConversationAsync(bool started)
        {
            var id = NewId();
            await store.CreateAsync(id, "dl_" + id, null, null, CancellationToken.None);
            if (started)
            {
                await store.TryMarkStartedAsync(id, null, CancellationToken.None);
            }

            return id;
        }

        var neverWelcomed = await ConversationAsync(started: true);
        var neverStarted = await ConversationAsync(started: false);
        var unanswered = await ConversationAsync(started: false);
        await AppendTextAsync(store, unanswered, "hallå?", LogEntry.CustomerTurn);
        var answered = await ConversationAsync(started: false);
        var question = await AppendTextAsync(store, answered, "öppettider", LogEntry.CustomerTurn);
        await AppendTextAsync(store, answered, "Vi har öppet 9–17.");
        await store.MarkTurnRanAsync(answered, question.Sequence, CancellationToken.None);

        Clock.Advance(TimeSpan.FromSeconds(20));
        var recent = await ConversationAsync(started: false);
        await AppendTextAsync(store, recent, "hej", LogEntry.CustomerTurn);

        var stalled = await Open().FindStalledAsync(Clock.GetUtcNow() - TimeSpan.FromSeconds(15), 1000, CancellationToken.None);

        var ours = new[] { neverWelcomed, neverStarted, unanswered, answered, recent };
        Assert.Equal(new[] { neverWelcomed, unanswered }.Order(), stalled.Where(ours.Contains).Order());
    }

    [Fact]
    public async Task A_line_owed_a_turn_that_the_log_no_longer_holds_is_reported_so_it_can_be_settled_and_stops_being_stalled()
    {
        var store = Open(maxActivities: 2, time: Clock);
        var id = NewId();
        await store.CreateAsync(id, "dl_user1", null, null, CancellationToken.None);
        var lost = await AppendTextAsync(store, id, "hallå", LogEntry.CustomerTurn);
        for (var i = 0; i < 3; i++)
        {
            await AppendTextAsync(store, id, "agentens svar " + i);
        }

        Clock.Advance(TimeSpan.FromMinutes(1));
        var due = (await store.ReadDueTurnsAsync(id, long.MaxValue, CancellationToken.None))!;
        Assert.Empty(due.Activities);
        Assert.Equal(lost.Sequence, due.OwedThrough);
        Assert.Contains(id, await store.FindStalledAsync(Clock.GetUtcNow() - TimeSpan.FromSeconds(15), 1000, CancellationToken.None));

        await store.MarkTurnRanAsync(id, due.OwedThrough, CancellationToken.None);

        Assert.DoesNotContain(id, await store.FindStalledAsync(Clock.GetUtcNow() - TimeSpan.FromSeconds(15), 1000, CancellationToken.None));
    }
}
