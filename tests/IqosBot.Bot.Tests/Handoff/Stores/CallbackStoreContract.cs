using IqosBot.Handoff;

namespace IqosBot.Bot.Tests.Handoff.Stores;

/// <summary>
/// What every <see cref="ICallbackStore"/> must do, run against each provider: the agents' list oldest first, at
/// most maxOpen open tickets per conversation even when requests race on two instances, done once, and the
/// retention deletes.
/// </summary>
public abstract class CallbackStoreContract : HandoffStoreContract
{
    private const int MaxOpen = 3;

    [Fact]
    public async Task Tickets_round_trip_and_the_open_ones_are_listed_oldest_first()
    {
        var callbacks = Database.Callbacks();
        var full = new CallbackTicket
        {
            Id = "R-FULL0001",
            ConversationKey = "msteams/a:1B2c",
            CreatedAt = new DateTimeOffset(2026, 11, 25, 22, 0, 0, TimeSpan.FromHours(1)),
            Language = "en",
            Phone = "+46701234567",
            Intent = "Warranty",
            LastDialog = "WarrantyDialog",
            Status = "open",
        };
        Assert.True(await callbacks.TryCreateAsync(Ticket("R-LATE0001", "webchat/late", T0.AddHours(2)), MaxOpen, CancellationToken.None));
        Assert.True(await callbacks.TryCreateAsync(full, MaxOpen, CancellationToken.None));
        Assert.True(await callbacks.TryCreateAsync(Ticket("R-TIEB0001", "webchat/tie-b", T0), MaxOpen, CancellationToken.None));
        Assert.True(await callbacks.TryCreateAsync(Ticket("R-TIEA0001", "webchat/tie-a", T0), MaxOpen, CancellationToken.None));

        var open = await callbacks.ListOpenAsync(CancellationToken.None);

        Assert.Equal(["R-TIEA0001", "R-TIEB0001", "R-LATE0001", "R-FULL0001"], open.Select(ticket => ticket.Id));
        Assert.Equivalent(full, open[^1], strict: true);
        Assert.Null(open[0].Intent);
        Assert.Null(open[0].DoneAt);
    }

    [Fact]
    public async Task A_conversation_cannot_have_more_than_max_open_tickets_until_one_is_done()
    {
        var callbacks = Database.Callbacks();
        for (var ticket = 0; ticket < MaxOpen; ticket++)
        {
            Assert.True(await callbacks.TryCreateAsync(Ticket($"R-FULL000{ticket}", "webchat/busy", T0.AddMinutes(ticket)), MaxOpen, CancellationToken.None));
        }

        Assert.False(await callbacks.TryCreateAsync(Ticket("R-EXTRA001", "webchat/busy", T0.AddMinutes(5)), MaxOpen, CancellationToken.None));
        Assert.True(await callbacks.TryCreateAsync(Ticket("R-OTHER001", "webchat/other", T0.AddMinutes(5)), MaxOpen, CancellationToken.None));

        Assert.True(await callbacks.TryMarkDoneAsync("R-FULL0000", "anna", T0.AddHours(12), CancellationToken.None));
        Assert.True(await callbacks.TryCreateAsync(Ticket("R-EXTRA002", "webchat/busy", T0.AddMinutes(6)), MaxOpen, CancellationToken.None));

        Assert.Equal(MaxOpen, (await callbacks.ListOpenAsync(CancellationToken.None)).Count(ticket => ticket.ConversationKey == "webchat/busy"));
    }

    [Fact]
    public async Task Requests_of_one_conversation_racing_on_two_instances_store_no_more_than_max_open()
    {
        var first = Database.Callbacks();
        var second = Database.Callbacks();
        for (var round = 0; round < 5; round++)
        {
            var conversation = $"webchat/race-{round}";

            var stored = await RaceAsync(first, second, 12, (callbacks, index) => callbacks.TryCreateAsync(Ticket($"R-RACE{round}{index:D2}", conversation, T0.AddSeconds(index)), MaxOpen, CancellationToken.None));

            Assert.Equal(MaxOpen, stored.Count(created => created));
            var open = (await first.ListOpenAsync(CancellationToken.None)).Where(ticket => ticket.ConversationKey == conversation).Select(ticket => ticket.Id);
            Assert.Equal(Enumerable.Range(0, 12).Where(index => stored[index]).Select(index => $"R-RACE{round}{index:D2}").Order(StringComparer.Ordinal), open.Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public async Task A_ticket_is_marked_done_once_and_leaves_the_list()
    {
        var first = Database.Callbacks();
        var second = Database.Callbacks();
        await first.TryCreateAsync(Ticket("R-CALL0001", "webchat/a", T0), MaxOpen, CancellationToken.None);
        await first.TryCreateAsync(Ticket("R-CALL0002", "webchat/b", T0), MaxOpen, CancellationToken.None);

        var marked = await RaceAsync(first, second, 6, (callbacks, index) => callbacks.TryMarkDoneAsync("R-CALL0001", index % 2 == 0 ? "anna" : "bertil", T0.AddHours(12), CancellationToken.None));

        Assert.Single(marked, done => done);
        Assert.False(await first.TryMarkDoneAsync("R-UNKNOWN1", "anna", T0.AddHours(12), CancellationToken.None));
        Assert.Equal(["R-CALL0002"], (await second.ListOpenAsync(CancellationToken.None)).Select(ticket => ticket.Id));
    }

    [Fact]
    public async Task Retention_deletes_tickets_done_before_the_cutoff_oldest_first_in_batches()
    {
        var callbacks = Database.Callbacks();
        var cutoff = T0.AddDays(30);
        string[] done = ["R-DONE0001", "R-DONE0002", "R-DONE0003", "R-RECENT01"];
        DateTimeOffset[] doneAt = [T0.AddDays(2), T0, T0.AddDays(1), cutoff.AddSeconds(1)];
        for (var ticket = 0; ticket < done.Length; ticket++)
        {
            await callbacks.TryCreateAsync(Ticket(done[ticket], "webchat/" + done[ticket], T0.AddDays(-1)), MaxOpen, CancellationToken.None);
            await callbacks.TryMarkDoneAsync(done[ticket], "anna", doneAt[ticket], CancellationToken.None);
        }

        await callbacks.TryCreateAsync(Ticket("R-OPEN0001", "webchat/open", T0.AddDays(-1)), MaxOpen, CancellationToken.None);

        Assert.Equal(2, await callbacks.DeleteDoneBeforeAsync(cutoff, 2, CancellationToken.None));
        Assert.Equal(1, await callbacks.DeleteDoneBeforeAsync(cutoff, 2, CancellationToken.None));
        Assert.Equal(0, await callbacks.DeleteDoneBeforeAsync(cutoff, 2, CancellationToken.None));

        // What was not due: the ticket done after the cutoff, and the open one.
        Assert.Equal(["R-OPEN0001"], (await callbacks.ListOpenAsync(CancellationToken.None)).Select(ticket => ticket.Id));
        Assert.Equal(1, await callbacks.DeleteDoneBeforeAsync(cutoff.AddDays(1), 10, CancellationToken.None));
        Assert.Single(await callbacks.ListOpenAsync(CancellationToken.None));
    }

    private static CallbackTicket Ticket(string id, string conversation, DateTimeOffset createdAt) => new()
    {
        Id = id,
        ConversationKey = conversation,
        CreatedAt = createdAt,
        Language = "sv",
        Phone = "+46705550000",
        Status = "open",
    };
}
