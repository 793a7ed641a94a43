using System.Net;
using IqosBot.Bot.Tests.Hosting;
using IqosBot.Bot.Tests.Storage;
using IqosBot.DirectLine;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace IqosBot.Bot.Tests.DirectLine;

/// <summary>
/// Web Chat behind a load balancer with no affinity: its token and conversation come from one instance, its
/// messages are posted to whichever instance the balancer picks, and its stream socket stays on one of them.
/// With PostgreSQL and Redis shared, every reply reaches that socket once and in order.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class DirectLineAcrossInstancesTests : IAsyncLifetime
{
    private const string GreetingReply = "Hej! Vad kan jag hjälpa dig med?";

    private readonly PostgresServer _postgres;
    private readonly RedisServer _redis;
    private readonly TempDatabase _filesA = new();
    private readonly TempDatabase _filesB = new();
    private readonly string _database = "dl_across_" + Guid.NewGuid().ToString("N");
    private DirectLineHost _a = null!;
    private DirectLineHost _b = null!;

    public DirectLineAcrossInstancesTests(PostgresServer postgres, RedisServer redis)
    {
        _postgres = postgres;
        _redis = redis;
    }

    public async Task InitializeAsync()
    {
        await (await _postgres.CreateDatabaseAsync(_database)).DisposeAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Postgres",
            ["ConnectionStrings:Postgres"] = new Npgsql.NpgsqlConnectionStringBuilder(_postgres.AdminConnectionString) { Database = _database }.ConnectionString,
            ["ConnectionStrings:Redis"] = _redis.ConnectionString,
        };

        // Each instance a file folder of its own, as separate machines would have: only PostgreSQL and Redis are shared.
        _a = new DirectLineHost(_filesA.Path, settings);
        _b = new DirectLineHost(_filesB.Path, settings);
    }

    [Fact]
    public async Task Messages_posted_to_either_instance_reach_a_socket_on_the_other_once_and_in_order()
    {
        var onA = new DirectLineClient(_a.CreateClient());
        var onB = new DirectLineClient(_b.CreateClient());
        var started = (await onA.StartAsync(DirectLineHost.Secret)).Json;
        var conversationId = started.Value<string>("conversationId")!;
        var token = started.Value<string>("token")!;
        await using var socketOnA = await StreamSocket.ConnectAsync(_a.Server, started.Value<string>("streamUrl")!);
        await socketOnA.ReadUntilAsync(list => list.Count >= 2);

        // Alternating instances, as a round-robin balancer sends them; each waits for its reply as a customer does.
        var texts = new[] { "hej", "hur laddar jag min iqos", "tack", "hej igen", "vad är garantin" };
        var echoIds = new List<string>();
        for (var i = 0; i < texts.Length; i++)
        {
            var client = i % 2 == 0 ? onB : onA;
            var posted = await client.PostTextAsync(conversationId, token, texts[i], "across-" + i);
            Assert.Equal(HttpStatusCode.OK, posted.Status);
            var echoId = posted.Json.Value<string>("id")!;
            echoIds.Add(echoId);
            await socketOnA.ReadUntilAsync(list => list.Any(activity => activity.Value<string>("replyToId") == echoId));
        }

        // The socket saw exactly what the conversation's log holds, in the log's order, nothing twice.
        var log = await onB.PollAsync(conversationId, token, list => list.Count(activity => activity["from"]?.Value<string>("role") == "user") == texts.Length);
        var logIds = log.Select(activity => activity.Value<string>("id")).ToList();
        await socketOnA.ReadUntilAsync(list => logIds.All(id => list.Any(activity => activity.Value<string>("id") == id)));
        var seen = socketOnA.Activities.Select(activity => activity.Value<string>("id")).ToList();
        Assert.Equal(seen.Distinct().Count(), seen.Count);
        Assert.Equal(log.Select(activity => activity.Value<string>("id")), seen.Where(id => log.Any(logged => logged.Value<string>("id") == id)));
        Assert.Equal(log.Count, seen.Count(id => log.Any(logged => logged.Value<string>("id") == id)));

        // Each message once, each followed by its replies before the next message.
        Assert.Equal(echoIds, socketOnA.Activities.Where(activity => activity["from"]?.Value<string>("role") == "user").Select(activity => activity.Value<string>("id")));
        var firstReply = socketOnA.Activities.First(activity => activity.Value<string>("replyToId") == echoIds[0]);
        Assert.Equal(GreetingReply, firstReply.Value<string>("text"));
        var turnOf = socketOnA.Activities
            .Select(activity => echoIds.IndexOf(activity.Value<string>("replyToId") ?? activity.Value<string>("id") ?? string.Empty))
            .Where(turn => turn >= 0)
            .ToList();
        Assert.Equal(turnOf.Order(), turnOf);
        Assert.Equal(Enumerable.Range(0, texts.Length), turnOf.Distinct());
    }

    [Fact]
    public async Task Sockets_on_both_instances_see_the_same_activities_whichever_instance_took_the_message()
    {
        var onA = new DirectLineClient(_a.CreateClient());
        var onB = new DirectLineClient(_b.CreateClient());
        var started = (await onB.StartAsync(DirectLineHost.Secret)).Json;
        var conversationId = started.Value<string>("conversationId")!;
        var token = started.Value<string>("token")!;
        var streamPath = new Uri(started.Value<string>("streamUrl")!);
        await using var socketOnA = await StreamSocket.ConnectAsync(_a.Server, streamPath.ToString());
        await using var socketOnB = await StreamSocket.ConnectAsync(_b.Server, streamPath.ToString());

        var first = (await onA.PostTextAsync(conversationId, token, "hej", "both-1")).Json.Value<string>("id")!;
        var second = (await onB.PostTextAsync(conversationId, token, "tack så mycket", "both-2")).Json.Value<string>("id")!;

        bool Done(List<JObject> list) => list.Any(activity => activity.Value<string>("replyToId") == second);
        var onSocketA = (await socketOnA.ReadUntilAsync(Done)).Select(activity => activity.Value<string>("id")).ToList();
        var onSocketB = (await socketOnB.ReadUntilAsync(Done)).Select(activity => activity.Value<string>("id")).ToList();

        Assert.Equal(onSocketA, onSocketB);
        Assert.Contains(first, onSocketA);
        Assert.Equal(onSocketA.Distinct().Count(), onSocketA.Count);
    }

    [Fact]
    public async Task A_line_taken_by_an_instance_that_stopped_before_answering_is_answered_by_the_other_before_the_next_line()
    {
        var onB = new DirectLineClient(_b.CreateClient());
        var started = (await new DirectLineClient(_a.CreateClient()).StartAsync(DirectLineHost.Secret)).Json;
        var conversationId = started.Value<string>("conversationId")!;
        var token = started.Value<string>("token")!;
        await onB.PollAsync(conversationId, token, list => list.Count >= 1);

        // A echoes the line into the shared log, then stops before running its turn.
        var user = (await _a.Services.GetRequiredService<IDirectLineStore>().FindAsync(conversationId, CancellationToken.None))!.UserId;
        var orphan = await _a.Services.GetRequiredService<DirectLineHub>().AppendAsync(
            conversationId,
            new Activity { Type = ActivityTypes.Message, Text = "hej", Locale = "sv-SE", From = new ChannelAccount(user, null, RoleTypes.User) },
            persist: true,
            whileOrdered: null,
            CancellationToken.None);
        _a.Dispose();

        var next = (await onB.PostTextAsync(conversationId, token, "tack", "after-a-stopped")).Json.Value<string>("id")!;

        var log = await onB.PollAsync(conversationId, token, list => list.Any(activity => activity.Value<string>("replyToId") == next));
        var answered = log.Select(activity => activity.Value<string>("replyToId")).Where(id => id == orphan || id == next).ToList();
        Assert.Equal(GreetingReply, log.First(activity => activity.Value<string>("replyToId") == orphan).Value<string>("text"));
        Assert.Equal(answered.Order(StringComparer.Ordinal), answered);
    }

    public async Task DisposeAsync()
    {
        _a.Dispose();
        _b.Dispose();
        await _postgres.DropDatabaseAsync(_database);
        _filesA.Dispose();
        _filesB.Dispose();
    }
}
