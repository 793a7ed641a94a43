using System.Net;
using IqosBot.Bot.Tests.DirectLine;
using Newtonsoft.Json.Linq;

namespace IqosBot.Bot.Tests.TwoProcesses;

/// <summary>What one soak customer sent and saw: the messages' client ids and server ids, the log, and what went wrong.</summary>
public sealed class SoakConversation(int number)
{
    public int Number { get; } = number;

    public string ConversationId { get; set; } = string.Empty;

    /// <summary>The conversation's token, once it started.</summary>
    public string? Token { get; set; }

    /// <summary>The server's id for each message sent, in order (the last one a retry got, if any).</summary>
    public List<string> SentIds { get; } = [];

    /// <summary>What the socket delivered, in order, each activity once.</summary>
    public List<JObject> Delivered { get; set; } = [];

    /// <summary>The conversation's log at the end (GET activities).</summary>
    public List<JObject> Log { get; set; } = [];

    public int RepeatedOnSocket { get; set; }

    public int Reconnects { get; set; }

    public int FailedOver { get; set; }

    public List<string> Problems { get; } = [];

    public static string ClientId(int conversation, int turn) => $"soak-{conversation}-{turn}";
}

/// <summary>
/// A Web Chat customer of the soak: the token, the start, every message and every reconnect each go to an instance
/// picked at random (the other when it cannot be reached, with the same activity and client id); the replies come
/// over the stream socket. Each message is sent once the previous one has its first reply (a customer who reads
/// fast), so a turn may still be running, on either instance, when the next message arrives; and every fourth
/// message comes with the next right behind it, before either is answered.
/// </summary>
public sealed class SoakCustomer(IReadOnlyList<HttpClient> instances, int number)
{
    private static readonly TimeSpan ReplyWait = TimeSpan.FromSeconds(45);

    private readonly Random _random = new(number);

    public async Task<SoakConversation> RunAsync(IReadOnlyList<string> script, string lastReply, Action answered, CancellationToken cancellationToken)
    {
        var outcome = new SoakConversation(number);
        var failover = new Failover(instances, _random);
        try
        {
            await ConverseAsync(outcome, failover, script, lastReply, answered, cancellationToken);
        }
        catch (Exception exception) when (exception is InvalidOperationException or HttpRequestException or Newtonsoft.Json.JsonException)
        {
            outcome.Problems.Add(exception.Message);
            if (outcome.Log.Count == 0 && outcome.Token is { } token)
            {
                // What the log holds after all tells what went wrong.
                try
                {
                    outcome.Log = await ReadLogAsync(failover, outcome.ConversationId, token, cancellationToken);
                }
                catch (Exception unread) when (unread is InvalidOperationException or HttpRequestException or Newtonsoft.Json.JsonException)
                {
                    outcome.Problems.Add("Its log could not be read: " + unread.Message);
                }
            }
        }

        outcome.FailedOver = failover.FailedOver;
        return outcome;
    }

    private async Task ConverseAsync(SoakConversation outcome, Failover failover, IReadOnlyList<string> script, string lastReply, Action answered, CancellationToken cancellationToken)
    {
        var (tokenStatus, tokenBody, _) = await failover.PostAsync("/api/webchat/token", bearer: null, json: null, cancellationToken);
        Expect(tokenStatus, HttpStatusCode.OK, "the token", tokenBody);
        var token = JObject.Parse(tokenBody).Value<string>("token");
        var start = new JObject { ["user"] = new JObject(), ["locale"] = "sv-SE" };
        var (startStatus, startBody, _) = await failover.PostAsync(DirectLineClient.Prefix + "/conversations", token, start.ToString(), cancellationToken);
        Expect(startStatus, HttpStatusCode.Created, "the start", startBody);
        var started = JObject.Parse(startBody);
        outcome.ConversationId = started.Value<string>("conversationId")!;
        token = started.Value<string>("token")!;
        outcome.Token = token;

        await using var stream = new StreamFollower(failover, outcome.ConversationId, token, started.Value<string>("streamUrl")!);
        try
        {
            if (!await stream.WaitForAsync(received => WebChatCustomer.BotTexts(received).Any(text => text.Contains(WebChatCustomer.Welcome, StringComparison.Ordinal)), ReplyWait))
            {
                throw new InvalidOperationException("No welcome. " + stream.Broken);
            }

            for (var turn = 0; turn < script.Count; turn++)
            {
                // Now and then two lines typed one after the other: the second is posted as soon as the first is
                // taken, so the two may be taken by different instances while the first is still being answered.
                var lines = new List<int> { turn };
                if (turn % 4 == 2 && turn + 1 < script.Count)
                {
                    lines.Add(++turn);
                }

                var waiting = new List<(int Turn, string Id, string Posted)>();
                foreach (var line in lines)
                {
                    var message = DirectLineClient.Message(script[line], SoakConversation.ClientId(number, line));
                    var (status, body, postedTo) = await failover.PostAsync($"{DirectLineClient.Prefix}/conversations/{outcome.ConversationId}/activities", token, message.ToString(), cancellationToken);
                    Expect(status, HttpStatusCode.OK, $"message {line}", body);
                    var id = JObject.Parse(body).Value<string>("id")!;
                    outcome.SentIds.Add(id);
                    waiting.Add((line, id, $"taken by {postedTo}, its answer read by {DateTime.UtcNow:HH:mm:ss.fff}"));
                }

                // The next message goes once these are answered at all; the last waits for the whole answer.
                foreach (var (line, id, posted) in waiting)
                {
                    var last = line == script.Count - 1;
                    if (!await stream.WaitForAsync(received => received.Any(activity => Answers(activity, id) && (!last || Says(activity, lastReply))), ReplyWait))
                    {
                        throw new InvalidOperationException($"No answer to message {line} ({id}, {posted}) within {ReplyWait.TotalSeconds} s. {stream.Broken}");
                    }

                    answered();
                }

                await Task.Delay(_random.Next(0, 200), cancellationToken);
            }
        }
        finally
        {
            outcome.Delivered = stream.Received;
            outcome.RepeatedOnSocket = stream.Repeated;
            outcome.Reconnects = stream.Reconnects;
        }

        outcome.Log = await ReadLogAsync(failover, outcome.ConversationId, token, cancellationToken);
    }

    /// <summary>The whole log, a page at a time, each page from whichever instance answers.</summary>
    private static async Task<List<JObject>> ReadLogAsync(Failover failover, string conversationId, string token, CancellationToken cancellationToken)
    {
        var log = new List<JObject>();
        string? watermark = string.Empty;
        while (watermark is not null)
        {
            var (status, body, _) = await failover.GetAsync($"{DirectLineClient.Prefix}/conversations/{conversationId}/activities?watermark={watermark}", token, cancellationToken);
            Expect(status, HttpStatusCode.OK, "the log", body);
            var page = JObject.Parse(body);
            var activities = page["activities"]!.Cast<JObject>().ToList();
            log.AddRange(activities);
            watermark = activities.Count == 100 ? page.Value<string>("watermark") : null;
        }

        return log;
    }

    private static bool Answers(JObject activity, string messageId) => ConversationLog.FromBot(activity) && activity.Value<string>("replyToId") == messageId;

    private static bool Says(JObject activity, string text) => (activity.Value<string>("text") ?? string.Empty).Contains(text, StringComparison.Ordinal);

    private static void Expect(HttpStatusCode status, HttpStatusCode expected, string what, string body)
    {
        if (status != expected && !(expected == HttpStatusCode.Created && status == HttpStatusCode.OK))
        {
            throw new InvalidOperationException($"{what}: {(int)status} {body}");
        }
    }
}
