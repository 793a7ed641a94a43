using System.Net;
using IqosBot.Bot.Tests.Hosting;
using IqosBot.DirectLine;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace IqosBot.Bot.Tests.DirectLine;

/// <summary>
/// A customer's line that was taken (echoed, 200) but whose turn never ran, because the bot stopped right after
/// taking it, is still answered: before the customer's next line when one comes, on its own after a quiet while
/// otherwise. The same for the welcome of a conversation started just before the stop.
/// </summary>
public sealed class OwedTurnsTests : IDisposable
{
    private const string NoSweep = "01:00:00";
    private const string QuickSweep = "00:00:01";

    private readonly TempDatabase _database = new();

    private DirectLineHost Host(string stalledTurnAfter)
        => new(_database.Path, new Dictionary<string, string?> { ["DirectLine:StalledTurnAfter"] = stalledTurnAfter });

    /// <summary>Starts a conversation and waits for its welcome; returns its id, token and user id.</summary>
    private static async Task<(string ConversationId, string Token, string UserId)> StartAsync(DirectLineHost host)
    {
        var client = new DirectLineClient(host.CreateClient());
        var started = (await client.StartAsync(DirectLineHost.Secret)).Json;
        var conversationId = started.Value<string>("conversationId")!;
        var token = started.Value<string>("token")!;
        await client.PollAsync(conversationId, token, list => list.Count >= 1);
        var record = await host.Services.GetRequiredService<IDirectLineStore>().FindAsync(conversationId, CancellationToken.None);
        return (conversationId, token, record!.UserId);
    }

    /// <summary>A customer's line taken into the log as the endpoint takes it, with the process stopping before its turn was queued.</summary>
    private static Task<string> TakeWithoutAnsweringAsync(DirectLineHost host, string conversationId, string userId, string text)
        => host.Services.GetRequiredService<DirectLineHub>().AppendAsync(
            conversationId,
            new Activity
            {
                Type = ActivityTypes.Message,
                Text = text,
                Locale = "sv-SE",
                From = new ChannelAccount(userId, "Test User", RoleTypes.User),
                Recipient = new ChannelAccount("iqosbot", "IQOS", RoleTypes.Bot),
            },
            persist: true,
            whileOrdered: null,
            CancellationToken.None);

    /// <summary>A conversation started and welcomed, then a line taken into it, and the bot stopped before answering it.</summary>
    private async Task<(string ConversationId, string Token, string Orphan)> LineLeftUnansweredByAStoppedBotAsync(string text)
    {
        using var before = Host(NoSweep);
        var (conversationId, token, userId) = await StartAsync(before);
        return (conversationId, token, await TakeWithoutAnsweringAsync(before, conversationId, userId, text));
    }

    /// <summary>The customer's lines the bot answered, in the order of the answers (the welcome, answering the join, left out).</summary>
    private static List<string?> RepliedTo(IEnumerable<JObject> log)
        => [.. log.Where(activity => activity["from"]?.Value<string>("role") == "bot")
            .Select(activity => activity.Value<string>("replyToId"))
            .Where(id => id is not null && !id.StartsWith("cu-", StringComparison.Ordinal))
            .Distinct()];

    [Fact]
    public async Task A_line_taken_just_before_the_bot_stopped_is_answered_before_the_customers_next_line_after_the_restart()
    {
        var (conversationId, token, orphan) = await LineLeftUnansweredByAStoppedBotAsync("min iluma laddar inte");

        using var after = Host(NoSweep);
        var client = new DirectLineClient(after.CreateClient());
        var next = (await client.PostTextAsync(conversationId, token, "hallå? är någon där", "owed-next")).Json.Value<string>("id")!;

        var log = await client.PollAsync(conversationId, token, list => RepliedTo(list).Contains(next));
        Assert.Equal([orphan, next], RepliedTo(log));

        // Every answer to the orphan before the first answer to the next line: the two turns did not interleave.
        var lastOrphanReply = log.FindLastIndex(activity => activity.Value<string>("replyToId") == orphan);
        var firstNextReply = log.FindIndex(activity => activity.Value<string>("replyToId") == next);
        Assert.True(lastOrphanReply < firstNextReply, $"{lastOrphanReply} is not before {firstNextReply}");
    }

    [Fact]
    public async Task A_line_taken_just_before_the_bot_stopped_is_answered_on_its_own_when_the_customer_writes_nothing_more()
    {
        var (conversationId, token, orphan) = await LineLeftUnansweredByAStoppedBotAsync("vad kostar en ny laddare");

        using var after = Host(QuickSweep);
        var client = new DirectLineClient(after.CreateClient());
        var log = await client.PollAsync(conversationId, token, list => RepliedTo(list).Contains(orphan));

        // Answered once, with a real answer (not the apology for a failed turn).
        var replies = log.Where(activity => activity.Value<string>("replyToId") == orphan).ToList();
        Assert.NotEmpty(replies);
        Assert.DoesNotContain(replies, reply => (reply.Value<string>("text") ?? string.Empty).StartsWith("Förlåt, något gick fel", StringComparison.Ordinal));
        await Task.Delay(TimeSpan.FromSeconds(3));
        var later = await client.PollAsync(conversationId, token, _ => true);
        Assert.Equal(replies.Count, later.Count(activity => activity.Value<string>("replyToId") == orphan));
    }

    [Fact]
    public async Task A_conversation_started_just_before_the_bot_stopped_still_gets_its_welcome_once()
    {
        List<string?> welcomeTexts;
        var conversationId = "dl-owed-" + Guid.NewGuid().ToString("N");
        using (var before = Host(NoSweep))
        {
            // What a welcome looks like, from a conversation started normally.
            var (referenceId, referenceToken, _) = await StartAsync(before);
            var welcome = await new DirectLineClient(before.CreateClient()).PollAsync(referenceId, referenceToken, list => list.Count >= 1);
            welcomeTexts = [.. welcome.Select(activity => activity.Value<string>("text"))];

            // Created and started as the endpoint does it, with the process stopping before the welcome ran.
            var store = before.Services.GetRequiredService<IDirectLineStore>();
            await store.CreateAsync(conversationId, "dl_owedwelcome", null, "sv-SE", CancellationToken.None);
            Assert.True(await store.TryMarkStartedAsync(conversationId, "sv-SE", CancellationToken.None));
        }

        using var after = Host(QuickSweep);
        var client = new DirectLineClient(after.CreateClient());
        var log = await client.PollAsync(conversationId, DirectLineHost.Secret, list => list.Count >= welcomeTexts.Count);

        Assert.Equal(welcomeTexts, log.Select(activity => activity.Value<string>("text")));
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(welcomeTexts.Count, (await client.PollAsync(conversationId, DirectLineHost.Secret, _ => true)).Count);
    }

    [Fact]
    public async Task A_turn_cut_off_after_its_first_reply_is_completed_after_the_restart_without_repeating_that_reply()
    {
        const string Question = "får jag rabatt på tillbehör";
        const string LastReply = "Hjälpte det här?";
        string conversationId, token, orphan;
        List<JObject> reference;
        using (var before = Host(NoSweep))
        {
            // What the bot answers the question when nothing goes wrong: a card, then its question.
            var (referenceId, referenceToken, _) = await StartAsync(before);
            var referenceClient = new DirectLineClient(before.CreateClient());
            var asked = (await referenceClient.PostTextAsync(referenceId, referenceToken, Question, "reference-1")).Json.Value<string>("id");
            var referenceLog = await referenceClient.PollAsync(referenceId, referenceToken, list => list.Any(activity => activity.Value<string>("replyToId") == asked && activity.Value<string>("text") == LastReply));
            reference = [.. referenceLog.Where(activity => activity.Value<string>("replyToId") == asked)];
            Assert.True(reference.Count >= 2, "The question should get more than one reply: " + string.Join(" | ", reference));

            // The same question in another conversation, and the process killed after the first reply went out.
            string userId;
            (conversationId, token, userId) = await StartAsync(before);
            orphan = await TakeWithoutAnsweringAsync(before, conversationId, userId, Question);
            var firstReply = DirectLineHub.Deserialize(reference[0].ToString(Newtonsoft.Json.Formatting.None))!;
            firstReply.ReplyToId = orphan;
            await before.Services.GetRequiredService<DirectLineHub>().AppendAsync(conversationId, firstReply, persist: true, whileOrdered: null, CancellationToken.None);
        }

        using var after = Host(QuickSweep);
        var client = new DirectLineClient(after.CreateClient());
        var log = await client.PollAsync(conversationId, token, list => list.Any(activity => activity.Value<string>("replyToId") == orphan && activity.Value<string>("text") == LastReply));

        static string Shown(JObject reply) => new JObject { ["text"] = reply["text"], ["attachments"] = reply["attachments"] }.ToString(Newtonsoft.Json.Formatting.None);
        Assert.Equal(reference.Select(Shown), log.Where(activity => activity.Value<string>("replyToId") == orphan).Select(Shown));
    }

    [Fact]
    public async Task A_line_owed_a_turn_whose_record_is_gone_is_settled_by_the_sweeper_instead_of_being_looked_for_again_and_again()
    {
        var (conversationId, _, orphan) = await LineLeftUnansweredByAStoppedBotAsync("hej");

        // The log no longer holds the line (an erasure, or the per-conversation cap after a flood).
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_database.Path};Pooling=false"))
        {
            await connection.OpenAsync();
            await using var delete = connection.CreateCommand();
            delete.CommandText = "DELETE FROM directline_activities WHERE activity_id = $id";
            delete.Parameters.AddWithValue("$id", orphan);
            Assert.Equal(1, await delete.ExecuteNonQueryAsync());
        }

        using var after = Host(QuickSweep);
        var store = after.Services.GetRequiredService<IDirectLineStore>();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while ((await store.FindStalledAsync(DateTimeOffset.MaxValue, 1000, CancellationToken.None)).Contains(conversationId))
        {
            Assert.True(DateTime.UtcNow < deadline, "The sweeper never settled the conversation.");
            await Task.Delay(200);
        }

        Assert.Equal(-1, (await store.ReadDueTurnsAsync(conversationId, long.MaxValue, CancellationToken.None))!.OwedThrough);
    }

    public void Dispose() => _database.Dispose();
}
