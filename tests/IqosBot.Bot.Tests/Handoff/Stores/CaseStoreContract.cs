using IqosBot.Handoff;

namespace IqosBot.Bot.Tests.Handoff.Stores;

/// <summary>
/// What every <see cref="ICaseStore"/> must do, run against each provider: the queue first come first served,
/// one owner per case however many agents accept at once (on one instance or two), status changes only from
/// the right status, a rating once, the average handle time and the retention deletes.
/// </summary>
public abstract class CaseStoreContract : HandoffStoreContract
{
    [Fact]
    public async Task A_case_round_trips_every_field_and_times_come_back_as_the_same_instants()
    {
        var cases = Database.Cases();
        var swedishMorning = new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.FromHours(1));
        var full = new HandoffCase
        {
            Id = "C-FULL0001",
            ConversationKey = "msteams/a:1B2c-Ü",
            ChannelId = "msteams",
            Reference = """{"conversation":{"id":"a:1B2c-Ü"}}""",
            Adapter = CustomerAdapters.SelfHostedDirectLine,
            Mode = CaseModes.Console,
            Language = "en",
            Intent = "Warranty",
            LastDialog = "WarrantyDialog",
            Description = "Laddaren blinkar rött – åäö",
            Status = CaseStatus.Closed,
            Owner = "anna",
            OwnerName = "Anna",
            CreatedAt = swedishMorning,
            QueuedAt = swedishMorning.AddSeconds(1),
            AcceptedAt = swedishMorning.AddMinutes(3),
            ClosedAt = swedishMorning.AddMinutes(9),
            ResolutionNote = "Rengöring löste det.",
            Rating = 4,
            RatingComment = "Snabb hjälp",
        };

        Assert.Null(await cases.CreateAsync(full, CancellationToken.None));
        await cases.CreateAsync(Case("C-BARE0001"), CancellationToken.None);

        var read = await cases.GetAsync("C-FULL0001", CancellationToken.None);
        Assert.NotNull(read);
        Assert.Equivalent(full, read, strict: true);

        // 10.00 in Stockholm is 09.00 UTC: the same instant, whatever offset it is read back with.
        Assert.Equal(T0, read.CreatedAt);
        var bare = await cases.GetAsync("C-BARE0001", CancellationToken.None);
        Assert.NotNull(bare);
        Assert.Null(bare.Intent);
        Assert.Null(bare.Owner);
        Assert.Null(bare.AcceptedAt);
        Assert.Null(bare.ClosedAt);
        Assert.Null(bare.Rating);
        Assert.Null(await cases.GetAsync("C-UNKNOWN1", CancellationToken.None));
    }

    [Fact]
    public async Task A_waiting_console_case_hears_its_place_and_other_cases_hear_none()
    {
        var cases = Database.Cases();

        Assert.Equal(1, await cases.CreateAsync(Case("C-FIRST001", queuedAt: T0), CancellationToken.None));
        Assert.Equal(2, await cases.CreateAsync(Case("C-SECOND01", queuedAt: T0.AddSeconds(1)), CancellationToken.None));
        Assert.Null(await cases.CreateAsync(Case("C-CENTRE01", mode: CaseModes.ContactCentre), CancellationToken.None));
        Assert.Null(await cases.CreateAsync(Case("C-ACTIVE01", CaseStatus.Active, owner: "anna", acceptedAt: T0), CancellationToken.None));
        Assert.Equal(3, await cases.CreateAsync(Case("C-THIRD001", queuedAt: T0.AddSeconds(2)), CancellationToken.None));

        // The place told at creation is the announced one, so the customer hears again only when it changes.
        Assert.Equal(2, (await cases.GetAsync("C-SECOND01", CancellationToken.None))!.AnnouncedPosition);
        Assert.Null((await cases.GetAsync("C-CENTRE01", CancellationToken.None))!.AnnouncedPosition);
    }

    [Fact]
    public async Task The_queue_is_first_come_first_served_with_ties_by_id()
    {
        var cases = Database.Cases();
        await cases.CreateAsync(Case("C-LATE0001", queuedAt: T0.AddMinutes(2)), CancellationToken.None);
        await cases.CreateAsync(Case("C-TIEB0001", queuedAt: T0.AddMinutes(1)), CancellationToken.None);
        await cases.CreateAsync(Case("C-EARLY001", queuedAt: T0), CancellationToken.None);
        await cases.CreateAsync(Case("C-TIEA0001", queuedAt: T0.AddMinutes(1)), CancellationToken.None);
        await cases.CreateAsync(Case("C-CENTRE01", mode: CaseModes.ContactCentre, queuedAt: T0.AddHours(-1)), CancellationToken.None);
        await cases.CreateAsync(Case("C-ACTIVE01", CaseStatus.Active, queuedAt: T0.AddHours(-1), owner: "anna", acceptedAt: T0), CancellationToken.None);
        await cases.CreateAsync(Case("C-LEFT0001", CaseStatus.Left, queuedAt: T0.AddHours(-1), closedAt: T0), CancellationToken.None);

        var queue = await cases.ListWaitingAsync(CancellationToken.None);

        string[] expected = ["C-EARLY001", "C-TIEA0001", "C-TIEB0001", "C-LATE0001"];
        Assert.Equal(expected, queue.Select(record => record.Id));
        for (var place = 0; place < expected.Length; place++)
        {
            Assert.Equal(place + 1, await cases.PositionAsync(expected[place], CancellationToken.None));
        }

        // A contact centre's cases have their own count; cases not waiting have no place.
        Assert.Equal(1, await cases.PositionAsync("C-CENTRE01", CancellationToken.None));
        Assert.Null(await cases.PositionAsync("C-ACTIVE01", CancellationToken.None));
        Assert.Null(await cases.PositionAsync("C-LEFT0001", CancellationToken.None));
        Assert.Null(await cases.PositionAsync("C-UNKNOWN1", CancellationToken.None));
    }

    [Fact]
    public async Task Accepting_takes_a_waiting_case_once_and_lists_it_with_the_agent()
    {
        var cases = Database.Cases();
        await cases.CreateAsync(Case("C-SECOND01", queuedAt: T0), CancellationToken.None);
        await cases.CreateAsync(Case("C-FIRST001", queuedAt: T0), CancellationToken.None);
        await cases.CreateAsync(Case("C-OTHER001", queuedAt: T0), CancellationToken.None);

        Assert.True(await cases.TryAcceptAsync("C-SECOND01", "anna", "Anna", T0.AddMinutes(1), CancellationToken.None));
        Assert.True(await cases.TryAcceptAsync("C-FIRST001", "anna", "Anna", T0.AddMinutes(2), CancellationToken.None));
        Assert.True(await cases.TryAcceptAsync("C-OTHER001", "bertil", "Bertil", T0.AddMinutes(3), CancellationToken.None));
        Assert.False(await cases.TryAcceptAsync("C-SECOND01", "bertil", "Bertil", T0.AddMinutes(4), CancellationToken.None));
        Assert.False(await cases.TryAcceptAsync("C-UNKNOWN1", "bertil", "Bertil", T0.AddMinutes(4), CancellationToken.None));

        var accepted = (await cases.GetAsync("C-SECOND01", CancellationToken.None))!;
        Assert.Equal((CaseStatus.Active, "anna", "Anna", T0.AddMinutes(1)), (accepted.Status, accepted.Owner, accepted.OwnerName, accepted.AcceptedAt));
        Assert.Equal(["C-SECOND01", "C-FIRST001"], (await cases.ListActiveAsync("anna", CancellationToken.None)).Select(record => record.Id));
        Assert.Equal(["C-OTHER001"], (await cases.ListActiveAsync("bertil", CancellationToken.None)).Select(record => record.Id));
        Assert.Empty(await cases.ListActiveAsync("nobody", CancellationToken.None));
        Assert.Empty(await cases.ListWaitingAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Ten_agents_accepting_one_case_at_once_on_two_instances_leave_exactly_one_owner()
    {
        var first = Database.Cases();
        var second = Database.Cases();
        for (var round = 0; round < 5; round++)
        {
            var id = $"C-RACE000{round}";
            await first.CreateAsync(Case(id), CancellationToken.None);

            var won = await RaceAsync(first, second, 10, (cases, agent) => cases.TryAcceptAsync(id, $"agent{agent}", $"Agent {agent}", T0, CancellationToken.None));

            var winner = Assert.Single(Enumerable.Range(0, 10), agent => won[agent]);
            var stored = (await second.GetAsync(id, CancellationToken.None))!;
            Assert.Equal((CaseStatus.Active, $"agent{winner}", $"Agent {winner}"), (stored.Status, stored.Owner, stored.OwnerName));
        }
    }

    [Fact]
    public async Task Only_the_owner_closes_an_active_case_and_a_closed_case_never_reopens()
    {
        var cases = Database.Cases();
        await cases.CreateAsync(Case("C-CASE0001"), CancellationToken.None);
        Assert.False(await cases.TryCloseAsync("C-CASE0001", "anna", "för tidigt", T0, CancellationToken.None));
        await cases.TryAcceptAsync("C-CASE0001", "anna", "Anna", T0, CancellationToken.None);

        Assert.False(await cases.TryCloseAsync("C-CASE0001", "bertil", "inte min", T0.AddMinutes(5), CancellationToken.None));
        Assert.True(await cases.TryCloseAsync("C-CASE0001", "anna", "Löst.", T0.AddMinutes(5), CancellationToken.None));

        var closed = (await cases.GetAsync("C-CASE0001", CancellationToken.None))!;
        Assert.Equal((CaseStatus.Closed, "Löst.", T0.AddMinutes(5)), (closed.Status, closed.ResolutionNote, closed.ClosedAt));
        Assert.False(await cases.TryCloseAsync("C-CASE0001", "anna", "igen", T0.AddMinutes(6), CancellationToken.None));
        Assert.False(await cases.TryAcceptAsync("C-CASE0001", "bertil", "Bertil", T0.AddMinutes(6), CancellationToken.None));
        Assert.False(await cases.TryTransferAsync("C-CASE0001", "anna", null, null, CancellationToken.None));
        Assert.False(await cases.TryLeaveAsync("C-CASE0001", T0.AddMinutes(6), CancellationToken.None));
        Assert.False(await cases.TryEndByCustomerAsync("C-CASE0001", T0.AddMinutes(6), CancellationToken.None));
        Assert.Equal("Löst.", (await cases.GetAsync("C-CASE0001", CancellationToken.None))!.ResolutionNote);
    }

    [Fact]
    public async Task The_customer_ends_an_active_chat_with_the_note_agents_read()
    {
        var cases = Database.Cases();
        await cases.CreateAsync(Case("C-CASE0001"), CancellationToken.None);
        Assert.False(await cases.TryEndByCustomerAsync("C-CASE0001", T0, CancellationToken.None));
        await cases.TryAcceptAsync("C-CASE0001", "anna", "Anna", T0, CancellationToken.None);

        Assert.True(await cases.TryEndByCustomerAsync("C-CASE0001", T0.AddMinutes(2), CancellationToken.None));

        var ended = (await cases.GetAsync("C-CASE0001", CancellationToken.None))!;
        Assert.Equal((CaseStatus.Closed, ICaseStore.EndedByCustomerNote, T0.AddMinutes(2)), (ended.Status, ended.ResolutionNote, ended.ClosedAt));
        Assert.False(await cases.TryEndByCustomerAsync("C-CASE0001", T0.AddMinutes(3), CancellationToken.None));
    }

    [Fact]
    public async Task An_agent_closing_while_the_customer_ends_the_chat_ends_it_once()
    {
        var first = Database.Cases();
        var second = Database.Cases();
        for (var round = 0; round < 5; round++)
        {
            var id = $"C-ENDS000{round}";
            await first.CreateAsync(Case(id), CancellationToken.None);
            await first.TryAcceptAsync(id, "anna", "Anna", T0, CancellationToken.None);

            var ended = await RaceAsync(first, second, 2, (cases, who) => who == 0
                ? cases.TryCloseAsync(id, "anna", "Löst.", T0.AddMinutes(1), CancellationToken.None)
                : cases.TryEndByCustomerAsync(id, T0.AddMinutes(1), CancellationToken.None));

            Assert.Single(ended, won => won);
            var note = (await first.GetAsync(id, CancellationToken.None))!.ResolutionNote;
            Assert.Equal(ended[0] ? "Löst." : ICaseStore.EndedByCustomerNote, note);
        }
    }

    [Fact]
    public async Task Leaving_the_queue_works_only_while_waiting()
    {
        var cases = Database.Cases();
        await cases.CreateAsync(Case("C-WAITS001", queuedAt: T0), CancellationToken.None);
        await cases.CreateAsync(Case("C-BEHIND01", queuedAt: T0.AddSeconds(1)), CancellationToken.None);
        await cases.CreateAsync(Case("C-ACTIVE01", CaseStatus.Active, owner: "anna", acceptedAt: T0), CancellationToken.None);

        Assert.True(await cases.TryLeaveAsync("C-WAITS001", T0.AddMinutes(1), CancellationToken.None));
        Assert.False(await cases.TryLeaveAsync("C-WAITS001", T0.AddMinutes(2), CancellationToken.None));
        Assert.False(await cases.TryLeaveAsync("C-ACTIVE01", T0.AddMinutes(1), CancellationToken.None));

        var left = (await cases.GetAsync("C-WAITS001", CancellationToken.None))!;
        Assert.Equal((CaseStatus.Left, T0.AddMinutes(1)), (left.Status, left.ClosedAt));
        Assert.Null(await cases.PositionAsync("C-WAITS001", CancellationToken.None));
        Assert.Equal(1, await cases.PositionAsync("C-BEHIND01", CancellationToken.None));
        Assert.Equal(CaseStatus.Active, (await cases.GetAsync("C-ACTIVE01", CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task Only_the_owner_transfers_a_chat_to_a_colleague()
    {
        var cases = Database.Cases();
        await cases.CreateAsync(Case("C-CASE0001"), CancellationToken.None);
        await cases.TryAcceptAsync("C-CASE0001", "anna", "Anna", T0, CancellationToken.None);

        Assert.False(await cases.TryTransferAsync("C-CASE0001", "bertil", "cecilia", "Cecilia", CancellationToken.None));
        Assert.True(await cases.TryTransferAsync("C-CASE0001", "anna", "bertil", "Bertil", CancellationToken.None));
        Assert.False(await cases.TryTransferAsync("C-CASE0001", "anna", "cecilia", "Cecilia", CancellationToken.None));

        var moved = (await cases.GetAsync("C-CASE0001", CancellationToken.None))!;
        Assert.Equal((CaseStatus.Active, "bertil", "Bertil", T0), (moved.Status, moved.Owner, moved.OwnerName, moved.AcceptedAt));
        Assert.Empty(await cases.ListActiveAsync("anna", CancellationToken.None));
        Assert.Single(await cases.ListActiveAsync("bertil", CancellationToken.None));
    }

    [Fact]
    public async Task A_chat_transferred_back_to_the_queue_keeps_its_place_and_forgets_its_owner()
    {
        var cases = Database.Cases();
        await cases.CreateAsync(Case("C-EARLY001", queuedAt: T0), CancellationToken.None);
        await cases.CreateAsync(Case("C-LATER001", queuedAt: T0.AddMinutes(1)), CancellationToken.None);
        await cases.TryAcceptAsync("C-EARLY001", "anna", "Anna", T0.AddMinutes(2), CancellationToken.None);
        Assert.Equal(1, await cases.PositionAsync("C-LATER001", CancellationToken.None));

        Assert.False(await cases.TryTransferAsync("C-EARLY001", "bertil", null, null, CancellationToken.None));
        Assert.True(await cases.TryTransferAsync("C-EARLY001", "anna", null, null, CancellationToken.None));

        var back = (await cases.GetAsync("C-EARLY001", CancellationToken.None))!;
        Assert.Equal((CaseStatus.Waiting, null, null, null, null), (back.Status, back.Owner, back.OwnerName, back.AcceptedAt, back.AnnouncedPosition));
        Assert.Equal(T0, back.QueuedAt);
        Assert.Equal(["C-EARLY001", "C-LATER001"], (await cases.ListWaitingAsync(CancellationToken.None)).Select(record => record.Id));
        Assert.Equal(2, await cases.PositionAsync("C-LATER001", CancellationToken.None));
    }

    [Fact]
    public async Task A_contact_centre_moves_its_case_only_from_the_status_it_names()
    {
        var cases = Database.Cases();
        await cases.CreateAsync(Case("C-CENTRE01", mode: CaseModes.ContactCentre), CancellationToken.None);

        Assert.False(await cases.TrySetStatusAsync("C-CENTRE01", CaseStatus.Active, CaseStatus.Closed, T0, CancellationToken.None));
        Assert.True(await cases.TrySetStatusAsync("C-CENTRE01", CaseStatus.Waiting, CaseStatus.Active, T0.AddMinutes(1), CancellationToken.None));
        Assert.False(await cases.TrySetStatusAsync("C-CENTRE01", CaseStatus.Waiting, CaseStatus.Active, T0.AddMinutes(2), CancellationToken.None));
        Assert.True(await cases.TrySetStatusAsync("C-CENTRE01", CaseStatus.Active, CaseStatus.Closed, T0.AddMinutes(7), CancellationToken.None));

        var done = (await cases.GetAsync("C-CENTRE01", CancellationToken.None))!;
        Assert.Equal((CaseStatus.Closed, T0.AddMinutes(1), T0.AddMinutes(7), null), (done.Status, done.AcceptedAt, done.ClosedAt, done.Owner));
    }

    [Fact]
    public async Task The_announced_position_is_kept_only_while_the_case_waits()
    {
        var cases = Database.Cases();
        await cases.CreateAsync(Case("C-CASE0001"), CancellationToken.None);

        Assert.True(await cases.SetAnnouncedPositionAsync("C-CASE0001", 4, CancellationToken.None));
        Assert.Equal(4, (await cases.GetAsync("C-CASE0001", CancellationToken.None))!.AnnouncedPosition);
        await cases.TryAcceptAsync("C-CASE0001", "anna", "Anna", T0, CancellationToken.None);
        Assert.False(await cases.SetAnnouncedPositionAsync("C-CASE0001", 2, CancellationToken.None));
        Assert.False(await cases.SetAnnouncedPositionAsync("C-UNKNOWN1", 2, CancellationToken.None));
    }

    [Fact]
    public async Task Only_a_closed_case_is_rated_and_only_once()
    {
        var cases = Database.Cases();
        await cases.CreateAsync(Case("C-CASE0001"), CancellationToken.None);
        await cases.TryAcceptAsync("C-CASE0001", "anna", "Anna", T0, CancellationToken.None);
        Assert.False(await cases.TryRateAsync("C-CASE0001", 5, "för tidigt", CancellationToken.None));
        await cases.TryCloseAsync("C-CASE0001", "anna", "Löst.", T0.AddMinutes(4), CancellationToken.None);

        Assert.True(await cases.TryRateAsync("C-CASE0001", 4, "Bra", CancellationToken.None));
        Assert.False(await cases.TryRateAsync("C-CASE0001", 1, "Ändrade mig", CancellationToken.None));
        Assert.False(await cases.TryRateAsync("C-UNKNOWN1", 3, null, CancellationToken.None));

        var rated = (await cases.GetAsync("C-CASE0001", CancellationToken.None))!;
        Assert.Equal((4, "Bra"), (rated.Rating, rated.RatingComment));
    }

    [Fact]
    public async Task Ratings_arriving_at_once_on_two_instances_store_exactly_one()
    {
        var first = Database.Cases();
        var second = Database.Cases();
        await first.CreateAsync(Case("C-CASE0001"), CancellationToken.None);
        await first.TryAcceptAsync("C-CASE0001", "anna", "Anna", T0, CancellationToken.None);
        await first.TryCloseAsync("C-CASE0001", "anna", "Löst.", T0.AddMinutes(4), CancellationToken.None);

        var stored = await RaceAsync(first, second, 10, (cases, index) => cases.TryRateAsync("C-CASE0001", 1 + (index % 5), $"kommentar {index}", CancellationToken.None));

        var winner = Assert.Single(Enumerable.Range(0, 10), index => stored[index]);
        var rated = (await second.GetAsync("C-CASE0001", CancellationToken.None))!;
        Assert.Equal((1 + (winner % 5), $"kommentar {winner}"), (rated.Rating, rated.RatingComment));
    }

    [Fact]
    public async Task The_average_handle_time_needs_five_console_chats_and_counts_the_latest_twenty()
    {
        var cases = Database.Cases();

        // Neither a contact centre's chats, nor chats that ended without an agent, are measured.
        await cases.CreateAsync(Case("C-CENTRE01", CaseStatus.Closed, CaseModes.ContactCentre, acceptedAt: T0, closedAt: T0.AddHours(5)), CancellationToken.None);
        await cases.CreateAsync(Case("C-LEFT0001", CaseStatus.Left, closedAt: T0.AddHours(5)), CancellationToken.None);
        await cases.CreateAsync(Case("C-ACTIVE01", CaseStatus.Active, owner: "anna", acceptedAt: T0), CancellationToken.None);
        for (var chat = 0; chat < 4; chat++)
        {
            await cases.CreateAsync(Case($"C-OLD{chat:D5}", CaseStatus.Closed, acceptedAt: T0.AddHours(chat), closedAt: T0.AddHours(chat).AddMinutes(2 + (2 * chat))), CancellationToken.None);
        }

        Assert.Null(await cases.AverageHandleMinutesAsync(CancellationToken.None));

        await cases.CreateAsync(Case("C-OLD00004", CaseStatus.Closed, acceptedAt: T0.AddHours(4), closedAt: T0.AddHours(4).AddMinutes(10)), CancellationToken.None);
        Assert.Equal(6.0, (await cases.AverageHandleMinutesAsync(CancellationToken.None))!.Value, precision: 6);

        // Twenty later chats of 15 minutes: the five older ones no longer count.
        for (var chat = 0; chat < 20; chat++)
        {
            var accepted = T0.AddDays(1).AddHours(chat);
            await cases.CreateAsync(Case($"C-NEW{chat:D5}", CaseStatus.Closed, acceptedAt: accepted, closedAt: accepted.AddMinutes(15)), CancellationToken.None);
        }

        Assert.Equal(15.0, (await cases.AverageHandleMinutesAsync(CancellationToken.None))!.Value, precision: 6);
    }

    [Fact]
    public async Task Open_conversations_are_those_with_a_case_waiting_or_with_an_agent()
    {
        var cases = Database.Cases();
        await cases.CreateAsync(Case("C-WAITS001", conversation: "webchat/waits"), CancellationToken.None);
        await cases.CreateAsync(Case("C-ACTIVE01", CaseStatus.Active, conversation: "msteams/active", owner: "anna", acceptedAt: T0), CancellationToken.None);
        await cases.CreateAsync(Case("C-CLOSED01", CaseStatus.Closed, conversation: "webchat/closed", closedAt: T0), CancellationToken.None);
        await cases.CreateAsync(Case("C-LEFT0001", CaseStatus.Left, conversation: "webchat/left", closedAt: T0), CancellationToken.None);

        var open = await cases.OpenConversationKeysAsync(CancellationToken.None);

        Assert.Equal(["msteams/active", "webchat/waits"], open.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Retention_deletes_cases_that_ended_before_the_cutoff_oldest_first_in_batches()
    {
        var cases = Database.Cases();
        var cutoff = T0.AddDays(90);
        await cases.CreateAsync(Case("C-LEFT0001", CaseStatus.Left, conversation: "webchat/left", closedAt: T0.AddDays(2)), CancellationToken.None);
        await cases.CreateAsync(Case("C-CLOSED01", CaseStatus.Closed, conversation: "webchat/closed", closedAt: T0), CancellationToken.None);
        await cases.CreateAsync(Case("C-CENTRE01", CaseStatus.Closed, CaseModes.ContactCentre, conversation: "webchat/centre", closedAt: T0.AddDays(1)), CancellationToken.None);
        await cases.CreateAsync(Case("C-RECENT01", CaseStatus.Closed, conversation: "webchat/recent", closedAt: cutoff.AddSeconds(1)), CancellationToken.None);
        await cases.CreateAsync(Case("C-WAITS001", conversation: "webchat/waits", queuedAt: T0), CancellationToken.None);
        await cases.CreateAsync(Case("C-ACTIVE01", CaseStatus.Active, conversation: "webchat/active", owner: "anna", acceptedAt: T0), CancellationToken.None);

        Assert.Equal(["webchat/centre", "webchat/closed"], (await cases.DeleteEndedBeforeAsync(cutoff, 2, CancellationToken.None)).Order(StringComparer.Ordinal));
        Assert.Equal(["webchat/left"], await cases.DeleteEndedBeforeAsync(cutoff, 2, CancellationToken.None));
        Assert.Empty(await cases.DeleteEndedBeforeAsync(cutoff, 2, CancellationToken.None));

        Assert.Null(await cases.GetAsync("C-CLOSED01", CancellationToken.None));
        Assert.Null(await cases.GetAsync("C-LEFT0001", CancellationToken.None));
        Assert.NotNull(await cases.GetAsync("C-RECENT01", CancellationToken.None));
        Assert.NotNull(await cases.GetAsync("C-WAITS001", CancellationToken.None));
        Assert.NotNull(await cases.GetAsync("C-ACTIVE01", CancellationToken.None));
    }
}
