using IqosBot.Bot.Tests.Hosting;
using IqosBot.Handoff;
using IqosBot.Handoff.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace IqosBot.Bot.Tests.Handoff;

/// <summary>The transcript files themselves: batched lines read back in order, and retention that spares conversations with a case.</summary>
public sealed class TranscriptStorageTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    private readonly TempDatabase _database = new();
    private readonly HandoffDatabase _cases;
    private readonly IHandoffTranscriptStore _store;

    public TranscriptStorageTests()
    {
        _cases = new HandoffDatabase(_database.Path);
        _store = new SqliteTranscriptStore(new TranscriptDatabase(_database.Path), _cases);
    }

    [Fact]
    public async Task Queued_lines_are_in_the_transcript_as_soon_as_anyone_reads_it_and_an_agents_line_comes_after_them()
    {
        var log = new TranscriptLog(_store, NullLogger<TranscriptLog>.Instance);

        // No background writer started: only the read's own flush can have stored these.
        log.Add([Line("webchat/a", "customer", "hej", Now), Line("webchat/a", "bot", "Hej! Vad kan jag hjälpa dig med?", Now.AddSeconds(1))]);
        await log.AppendAsync([Line("webchat/a", "agent", "Hej, det är Anna.", Now.AddSeconds(2))], CancellationToken.None);
        log.Add([Line("webchat/b", "customer", "en annan kund", Now)]);

        var transcript = await log.ReadAsync("webchat/a", CancellationToken.None);

        Assert.Equal(["hej", "Hej! Vad kan jag hjälpa dig med?", "Hej, det är Anna."], transcript.Select(entry => entry.Text));
        Assert.Equal(["customer", "bot", "agent"], transcript.Select(entry => entry.Sender));
        Assert.Equal(Now.AddSeconds(2), transcript[2].At);
    }

    [Fact]
    public async Task Retention_deletes_old_lines_of_conversations_without_a_case_only()
    {
        await _store.AppendAsync(
        [
            Line("webchat/old-no-case", "customer", "gammal fråga", Now.AddDays(-40)),
            Line("webchat/old-with-case", "customer", "gammal fråga med ärende", Now.AddDays(-40)),
            Line("webchat/recent", "customer", "ny fråga", Now.AddDays(-2)),
        ], CancellationToken.None);
        await new SqliteCaseStore(_cases).CreateAsync(new HandoffCase
        {
            Id = "C-TEST0001",
            ConversationKey = "webchat/old-with-case",
            ChannelId = "webchat",
            Reference = "{}",
            Adapter = CustomerAdapters.BotConnector,
            Mode = CaseModes.Console,
            Language = "sv",
            Status = CaseStatus.Closed,
            CreatedAt = Now.AddDays(-40),
            QueuedAt = Now.AddDays(-40),
        }, CancellationToken.None);

        var deleted = await _store.DeleteOlderThanAsync(Now.AddDays(-30), CancellationToken.None);

        Assert.Equal(1, deleted);
        Assert.Empty(await _store.ReadAsync("webchat/old-no-case", CancellationToken.None));
        Assert.Single(await _store.ReadAsync("webchat/old-with-case", CancellationToken.None));
        Assert.Single(await _store.ReadAsync("webchat/recent", CancellationToken.None));
    }

    private static TranscriptEntry Line(string conversation, string sender, string text, DateTimeOffset at)
        => new() { ConversationKey = conversation, Sender = sender, Text = text, At = at };

    public void Dispose() => _database.Dispose();
}
