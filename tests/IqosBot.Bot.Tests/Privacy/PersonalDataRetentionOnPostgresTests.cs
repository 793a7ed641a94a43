using IqosBot.Bot.Tests.Storage;
using IqosBot.Conversations;
using IqosBot.Handoff;
using IqosBot.Handoff.Postgres;
using IqosBot.Privacy;
using IqosBot.Storage.Postgres;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace IqosBot.Bot.Tests.Privacy;

/// <summary>
/// Retention on PostgreSQL (Storage:Provider=Postgres) with a fake clock: ended cases go with their transcripts and
/// done callback tickets go after their periods, from every table of the database; what is not due stays.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PersonalDataRetentionOnPostgresTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly PostgresServer _server;
    private readonly string _database = "retention_" + Guid.NewGuid().ToString("N");
    private readonly FakeTimeProvider _time = new(Start);
    private NpgsqlDataSource _dataSource = null!;
    private PostgresCaseStore _cases = null!;
    private PostgresCallbackStore _callbacks = null!;
    private PostgresTranscriptStore _transcripts = null!;
    private PersonalDataRetention _retention = null!;

    public PersonalDataRetentionOnPostgresTests(PostgresServer server)
    {
        _server = server;
    }

    public async Task InitializeAsync()
    {
        _dataSource = await _server.CreateDatabaseAsync(_database);
        await PostgresMigrations.ApplyAsync(_dataSource, CancellationToken.None);
        _cases = new PostgresCaseStore(_dataSource);
        _callbacks = new PostgresCallbackStore(_dataSource);
        _transcripts = new PostgresTranscriptStore(_dataSource);
        _retention = new PersonalDataRetention(
            new PostgresStorage(_dataSource, _time), _cases, _callbacks, _transcripts, new ConversationLocks(), Options.Create(new RetentionOptions()), _time, NullLogger<PersonalDataRetention>.Instance);
    }

    [Fact]
    public async Task Ended_cases_with_their_transcripts_and_done_callback_tickets_go_after_their_periods()
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
        await _callbacks.TryCreateAsync(Ticket("R-DONE0001", "+46701234567", done: Start), 3, CancellationToken.None);
        await _callbacks.TryCreateAsync(Ticket("R-DONE0002", "+46709876543", done: Start.AddDays(70)), 3, CancellationToken.None);
        await _callbacks.TryCreateAsync(Ticket("R-OPEN0001", "+46705550000", done: null), 3, CancellationToken.None);

        _time.Advance(TimeSpan.FromDays(91));
        var sweep = await _retention.SweepAsync(CancellationToken.None);

        Assert.Equal((2, 1, 1), (sweep.CasesDeleted, sweep.TranscriptLinesDeleted, sweep.CallbackTicketsDeleted));
        Assert.Empty(await _transcripts.ReadAsync("webchat/ended", CancellationToken.None));
        Assert.Single(await _transcripts.ReadAsync("webchat/later", CancellationToken.None));
        Assert.Single(await _transcripts.ReadAsync("webchat/active", CancellationToken.None));
        Assert.Equal(["webchat/active"], await _cases.OpenConversationKeysAsync(CancellationToken.None));
        Assert.Equal(["C-ACTIVE01", "C-LATER001"], await ColumnAsync("SELECT id FROM handoff_cases ORDER BY id"));
        Assert.Equal(["R-DONE0002", "R-OPEN0001"], await ColumnAsync("SELECT id FROM callback_tickets ORDER BY id"));

        var everything = await AllRowsAsTextAsync();
        Assert.DoesNotContain("Storgatan 12", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("+46701234567", everything, StringComparison.Ordinal);
        Assert.Contains("+46709876543", everything, StringComparison.Ordinal);
        Assert.Contains("en senare fråga", everything, StringComparison.Ordinal);

        // Nothing more is due the same day.
        Assert.Equal(0, (await _retention.SweepAsync(CancellationToken.None)).Total);
    }

    private async Task<List<string>> ColumnAsync(string sql)
    {
        await using var command = _dataSource.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    /// <summary>Every row of the handoff tables as text: what a look into the database would find.</summary>
    private async Task<string> AllRowsAsTextAsync()
    {
        var rows = await ColumnAsync(
            """
            SELECT t::text FROM handoff_cases AS t
            UNION ALL SELECT t::text FROM callback_tickets AS t
            UNION ALL SELECT t::text FROM transcript_entries AS t
            """);
        return string.Join('\n', rows);
    }

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

    public async Task DisposeAsync()
    {
        await _dataSource.DisposeAsync();
        await _server.DropDatabaseAsync(_database);
    }
}
