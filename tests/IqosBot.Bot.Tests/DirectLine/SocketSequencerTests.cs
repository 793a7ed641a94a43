using IqosBot.DirectLine;
using IqosBot.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;

namespace IqosBot.Bot.Tests.DirectLine;

/// <summary>
/// A socket's frames come from its own instance and, later or earlier, from others: what its client receives
/// is every activity once, in the log's order, whatever order and how often the frames arrive.
/// </summary>
public sealed class SocketSequencerTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "iqosbot-sequencer-" + Guid.NewGuid().ToString("N"));
    private readonly SqliteDirectLineStore _store;
    private readonly string _conversation = "seq-" + Guid.NewGuid().ToString("N");

    public SocketSequencerTests()
    {
        _store = new SqliteDirectLineStore(Options.Create(new SqliteStorageOptions { Path = Path.Combine(_folder, "state.db") }), Options.Create(new DirectLineOptions()));
    }

    private async Task<ActivityFrame> AppendAsync(string text, bool persist = true)
    {
        var (sequence, json) = await _store.AppendAsync(_conversation, (sequence, _) => new JObject { ["id"] = DirectLineHub.ActivityId(_conversation, sequence), ["text"] = text }.ToString(Newtonsoft.Json.Formatting.None), persist ? LogEntry.Kept : LogEntry.Typing, CancellationToken.None);
        return new ActivityFrame(_conversation, sequence, json, IsUpdate: false);
    }

    private static List<string> Texts(IEnumerable<string?> frames)
        => [.. frames.Where(frame => !string.IsNullOrEmpty(frame)).SelectMany(frame => JObject.Parse(frame!)["activities"]!.Select(activity => activity.Value<string>("text")!))];

    [Fact]
    public async Task Frames_the_backlog_already_had_are_not_sent_again()
    {
        await _store.CreateAsync(_conversation, "u", null, null, CancellationToken.None);
        var welcome = await AppendAsync("Välkommen");
        var sequencer = new SocketSequencer(_store, _conversation);

        var backlog = await sequencer.StartAsync(0, CancellationToken.None);
        var again = await sequencer.NextAsync(welcome, CancellationToken.None);
        var next = await sequencer.NextAsync(await AppendAsync("hej"), CancellationToken.None);

        Assert.Equal(["Välkommen", "hej"], Texts([backlog, again, next]));
        Assert.Equal("2", JObject.Parse(next!).Value<string>("watermark"));
    }

    [Fact]
    public async Task A_frame_that_overtook_others_brings_them_from_the_log_first_and_the_late_ones_are_dropped()
    {
        await _store.CreateAsync(_conversation, "u", null, null, CancellationToken.None);
        var sequencer = new SocketSequencer(_store, _conversation);
        var sent = new List<string?> { await sequencer.StartAsync(0, CancellationToken.None) };

        var fromB1 = await AppendAsync("från B: fråga");
        var fromB2 = await AppendAsync("från B: svar");
        var fromA = await AppendAsync("från A: agenten skriver");

        // A's own frame arrives first; B's come through Redis afterwards.
        sent.Add(await sequencer.NextAsync(fromA, CancellationToken.None));
        sent.Add(await sequencer.NextAsync(fromB1, CancellationToken.None));
        sent.Add(await sequencer.NextAsync(fromB2, CancellationToken.None));
        sent.Add(await sequencer.NextAsync(await AppendAsync("nästa"), CancellationToken.None));

        Assert.Equal(["från B: fråga", "från B: svar", "från A: agenten skriver", "nästa"], Texts(sent));
    }

    [Fact]
    public async Task Typing_in_order_is_shown_and_typing_that_arrives_after_newer_activities_is_not()
    {
        await _store.CreateAsync(_conversation, "u", null, null, CancellationToken.None);
        var sequencer = new SocketSequencer(_store, _conversation);
        var sent = new List<string?> { await sequencer.StartAsync(0, CancellationToken.None) };

        sent.Add(await sequencer.NextAsync(await AppendAsync("skriver…", persist: false), CancellationToken.None));
        var lateTyping = await AppendAsync("skriver igen…", persist: false);
        var reply = await AppendAsync("Här är svaret");
        sent.Add(await sequencer.NextAsync(reply, CancellationToken.None));
        sent.Add(await sequencer.NextAsync(lateTyping, CancellationToken.None));

        Assert.Equal(["skriver…", "Här är svaret"], Texts(sent));
    }

    [Fact]
    public async Task A_frame_lost_on_the_way_is_read_from_the_log_when_the_next_one_arrives()
    {
        await _store.CreateAsync(_conversation, "u", null, null, CancellationToken.None);
        var sequencer = new SocketSequencer(_store, _conversation);
        var sent = new List<string?> { await sequencer.StartAsync(0, CancellationToken.None) };

        _ = await AppendAsync("tappad på vägen");
        sent.Add(await sequencer.NextAsync(await AppendAsync("sedan detta"), CancellationToken.None));

        Assert.Equal(["tappad på vägen", "sedan detta"], Texts(sent));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
