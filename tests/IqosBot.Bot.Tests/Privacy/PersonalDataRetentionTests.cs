using IqosBot.Bot.Tests.Hosting;
using IqosBot.Conversations;
using IqosBot.Handoff;
using IqosBot.Handoff.Sqlite;
using IqosBot.Privacy;
using IqosBot.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace IqosBot.Bot.Tests.Privacy;

/// <summary>
/// Each retention rule with a fake clock, on real database files: what is due goes (and is not left readable in
/// the files or their write-ahead logs), what is not due stays.
/// </summary>
public sealed class PersonalDataRetentionTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly TempDatabase _database = new();
    private readonly FakeTimeProvider _time = new(Start);
    private readonly SqliteStorage _state;
    private readonly HandoffDatabase _handoff;
    private readonly ICaseStore _cases;
    private readonly ICallbackStore _callbacks;
    private readonly IHandoffTranscriptStore _transcripts;
    private readonly PersonalDataRetention _retention;

    public PersonalDataRetentionTests()
    {
        _state = new SqliteStorage(new SqliteStorageOptions { Path = _database.Path }, _time);
        _handoff = new HandoffDatabase(_database.Path);
        _cases = new SqliteCaseStore(_handoff);
        _callbacks = new SqliteCallbackStore(_handoff);
        _transcripts = new SqliteTranscriptStore(new TranscriptDatabase(_database.Path), _handoff);
        _retention = new PersonalDataRetention(
            _state, _cases, _callbacks, _transcripts, new ConversationLocks(), Options.Create(new RetentionOptions()), _time, NullLogger<PersonalDataRetention>.Instance);
    }

    [Fact]
    public async Task Inactive_conversation_state_becomes_a_marker_then_goes_and_active_or_queued_conversations_stay()
    {
        await _state.WriteAsync(new Dictionary<string, object>
        {
            ["webchat/conversations/idle"] = Conversation("idle.kund@example.com"),
            ["webchat/conversations/queued"] = Conversation("i.kon@example.com"),
            ["webchat/users/someone"] = new Dictionary<string, object> { ["Seen"] = "yes" },
        });
        await _cases.CreateAsync(Case("C-QUEUED01", "webchat/queued", CaseStatus.Waiting, closedAt: null), CancellationToken.None);
        _time.Advance(TimeSpan.FromDays(5));
        await _state.WriteAsync(new Dictionary<string, object> { ["webchat/conversations/recent"] = Conversation("ny.kund@example.com") });

        _time.Advance(TimeSpan.FromDays(3));
        var first = await _retention.SweepAsync(CancellationToken.None);

        Assert.Equal(1, first.ConversationsCleared);
        Assert.Equal(1, first.StateRowsDeleted);
        var stored = await _state.ReadAsync(["webchat/conversations/idle", "webchat/conversations/queued", "webchat/conversations/recent", "webchat/users/someone"]);
        var marker = Assert.IsAssignableFrom<IDictionary<string, object>>(stored["webchat/conversations/idle"]);
        Assert.True(Assert.IsType<ConversationData>(Assert.Single(marker).Value).StateCleared);
        Assert.Contains("webchat/conversations/queued", stored.Keys);
        Assert.Contains("webchat/conversations/recent", stored.Keys);
        Assert.DoesNotContain("webchat/users/someone", stored.Keys);

        // Not in the state file, its free pages or its write-ahead log: what retention removed is gone from disk.
        var files = await _database.AllStoredTextAsync();
        Assert.DoesNotContain("idle.kund@example.com", files, StringComparison.Ordinal);
        Assert.Contains("ny.kund@example.com", files, StringComparison.Ordinal);

        // A period later the marker goes too, and the conversation written on day 5 becomes one.
        _time.Advance(TimeSpan.FromDays(8));
        var second = await _retention.SweepAsync(CancellationToken.None);

        Assert.Equal(1, second.ConversationsCleared);
        Assert.Equal(1, second.StateRowsDeleted);
        stored = await _state.ReadAsync(["webchat/conversations/idle", "webchat/conversations/recent", "webchat/conversations/queued"]);
        Assert.DoesNotContain("webchat/conversations/idle", stored.Keys);
        Assert.True(Assert.IsType<ConversationData>(((IDictionary<string, object>)stored["webchat/conversations/recent"])["ConversationData"]).StateCleared);
        Assert.Contains("i.kon@example.com", await _database.AllStoredTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ended_cases_go_with_their_transcripts_after_their_period_and_open_ones_stay()
    {
        await _cases.CreateAsync(Case("C-ENDED001", "webchat/ended", CaseStatus.Closed, Start, "Kunden vill byta adress till Storgatan 12"), CancellationToken.None);
        await _cases.CreateAsync(Case("C-LEFT0001", "webchat/left", CaseStatus.Left, Start), CancellationToken.None);
        await _cases.CreateAsync(Case("C-LATER001", "webchat/later", CaseStatus.Closed, Start.AddDays(50)), CancellationToken.None);
        await _cases.CreateAsync(Case("C-ACTIVE01", "webchat/active", CaseStatus.Active, closedAt: null), CancellationToken.None);
        await _transcripts.AppendAsync(
        [
            Line("webchat/ended", "jag bor på Storgatan 12", Start.AddMinutes(-5)),
            Line("webchat/later", "en senare fråga", Start.AddDays(50)),
            Line("webchat/active", "hjälp pågår", Start),
        ], CancellationToken.None);

        _time.Advance(TimeSpan.FromDays(91));
        var sweep = await _retention.SweepAsync(CancellationToken.None);

        Assert.Equal(2, sweep.CasesDeleted);
        Assert.Equal(1, sweep.TranscriptLinesDeleted);
        Assert.Empty(await _transcripts.ReadAsync("webchat/ended", CancellationToken.None));
        Assert.Single(await _transcripts.ReadAsync("webchat/later", CancellationToken.None));
        Assert.Single(await _transcripts.ReadAsync("webchat/active", CancellationToken.None));
        Assert.Equal(["webchat/active"], await _cases.OpenConversationKeysAsync(CancellationToken.None));
        Assert.DoesNotContain("Storgatan 12", await _database.AllStoredTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Done_callback_tickets_go_after_their_period_and_open_ones_stay()
    {
        await _callbacks.TryCreateAsync(Ticket("T-DONE0001", "+46701234567", done: Start), 3, CancellationToken.None);
        await _callbacks.TryCreateAsync(Ticket("T-DONE0002", "+46709876543", done: Start.AddDays(20)), 3, CancellationToken.None);
        await _callbacks.TryCreateAsync(Ticket("T-OPEN0001", "+46705550000", done: null), 3, CancellationToken.None);

        _time.Advance(TimeSpan.FromDays(31));
        var sweep = await _retention.SweepAsync(CancellationToken.None);

        Assert.Equal(1, sweep.CallbackTicketsDeleted);
        var files = await _database.AllStoredTextAsync();
        Assert.DoesNotContain("+46701234567", files, StringComparison.Ordinal);
        Assert.Contains("+46709876543", files, StringComparison.Ordinal);
        Assert.Contains("+46705550000", files, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nothing_due_removes_nothing()
    {
        await _state.WriteAsync(new Dictionary<string, object> { ["webchat/conversations/a"] = Conversation("a@example.com") });
        await _callbacks.TryCreateAsync(Ticket("T-DONE0003", "+46701112233", done: Start), 3, CancellationToken.None);

        _time.Advance(TimeSpan.FromDays(6));
        var sweep = await _retention.SweepAsync(CancellationToken.None);

        Assert.Equal(0, sweep.Total);
        Assert.Contains("a@example.com", await _database.AllStoredTextAsync(), StringComparison.Ordinal);
    }

    private static Dictionary<string, object> Conversation(string email)
        => new() { ["ConversationData"] = new ConversationData { Language = "sv" }, ["DialogState"] = new Dictionary<string, object> { ["email"] = email } };

    private static HandoffCase Case(string id, string conversation, string status, DateTimeOffset? closedAt, string? description = null) => new()
    {
        Id = id,
        ConversationKey = conversation,
        ChannelId = "webchat",
        Reference = "{}",
        Adapter = CustomerAdapters.BotConnector,
        Mode = CaseModes.Console,
        Language = "sv",
        Status = status,
        Description = description,
        CreatedAt = Start.AddMinutes(-10),
        QueuedAt = Start.AddMinutes(-10),
        ClosedAt = closedAt,
    };

    private static CallbackTicket Ticket(string id, string phone, DateTimeOffset? done) => new()
    {
        Id = id,
        ConversationKey = "webchat/" + id,
        CreatedAt = Start.AddDays(-1),
        Language = "sv",
        Phone = phone,
        Status = done is null ? "open" : "done",
        DoneBy = done is null ? null : "anna",
        DoneAt = done,
    };

    private static TranscriptEntry Line(string conversation, string text, DateTimeOffset at)
        => new() { ConversationKey = conversation, Sender = "customer", Text = text, At = at };

    public void Dispose()
    {
        _state.Dispose();
        _database.Dispose();
    }
}
