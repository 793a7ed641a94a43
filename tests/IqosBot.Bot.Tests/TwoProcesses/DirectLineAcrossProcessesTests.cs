using Newtonsoft.Json.Linq;

namespace IqosBot.Bot.Tests.TwoProcesses;

/// <summary>
/// Web Chat's Direct Line when its requests land on different instances: the token and the conversation from
/// one, the messages posted to the other, the replies pushed to the socket open on the first; and the same
/// through nginx's round robin, where every request may land anywhere. The customer sees every reply once and
/// in order, as with one instance.
/// </summary>
[Collection(TwoProcessCollection.Name)]
public sealed class DirectLineAcrossProcessesTests(TwoProcessServers servers)
{
    /// <summary>What the customer writes, and the last line of the bot's answer to it.</summary>
    private static readonly (string Text, string LastReply)[] Script =
    [
        ("hej", "Vad kan jag hjälpa dig med?"),
        ("vad får jag om jag registrerar min iqos?", "Hjälpte det här?"),
        ("hur kontaktar jag kundtjänst", "Hjälpte det här?"),
        ("får jag rabatt på tillbehör", "Hjälpte det här?"),
        ("kan jag lämna tillbaka enheten om jag inte gillar den", "Hjälpte det här?"),
    ];

    [Fact]
    public async Task With_the_token_and_conversation_from_A_and_messages_posted_to_B_the_socket_on_A_gets_every_reply_once_and_in_order()
    {
        var cluster = await servers.SharedClusterAsync();
        await cluster.ExplainFailuresAsync(async () =>
        {
            using var httpA = TwoBotCluster.Client(cluster.A.BaseAddress);
            using var httpB = TwoBotCluster.Client(cluster.B.BaseAddress);
            await using var customer = await WebChatCustomer.StartAsync(tokenFrom: httpA, startOn: httpA);
            Assert.StartsWith(cluster.A.BaseAddress.Authority, new Uri(customer.StreamUrl).Authority, StringComparison.Ordinal);

            var sent = await ConverseAsync(customer, httpB);

            AssertSocketMatchesLog(customer, sent, await customer.LogAsync(httpB));
        });
    }

    [Fact]
    public async Task Through_the_proxy_every_request_lands_anywhere_and_the_socket_gets_every_reply_once_and_in_order()
    {
        var cluster = await servers.SharedClusterAsync();
        await cluster.ExplainFailuresAsync(async () =>
        {
            var upstreams = new UpstreamLog();
            using var proxy = TwoBotCluster.Client(cluster.Proxy.BaseAddress, upstreams: upstreams);
            await using var customer = await WebChatCustomer.StartAsync(tokenFrom: proxy, startOn: proxy);
            Assert.Equal(cluster.Proxy.BaseAddress.Authority, new Uri(customer.StreamUrl).Authority);

            var sent = await ConverseAsync(customer, proxy);

            AssertSocketMatchesLog(customer, sent, await customer.LogAsync(proxy));
            Assert.True(upstreams.AnsweredBy(cluster.A) >= 2 && upstreams.AnsweredBy(cluster.B) >= 2, "Answered by: " + string.Join(" ", upstreams.Upstreams));
        });
    }

    /// <summary>Each line of the script posted through <paramref name="via"/>, waiting on the socket for its answer; returns the ids the messages got.</summary>
    private static async Task<List<string>> ConverseAsync(WebChatCustomer customer, HttpClient via)
    {
        var sent = new List<string>();
        foreach (var (text, lastReply) in Script)
        {
            var id = await customer.SayAsync(via, text);
            sent.Add(id);
            await customer.Socket.ReadUntilAsync(received => received.Any(activity =>
                activity.Value<string>("replyToId") == id && (activity.Value<string>("text") ?? string.Empty).Contains(lastReply, StringComparison.Ordinal)));
        }

        return sent;
    }

    /// <summary>
    /// The socket delivered the log exactly: every activity once, in the log's order; each message is in it once,
    /// in the order sent, and answered after it, before the next message is.
    /// </summary>
    private static void AssertSocketMatchesLog(WebChatCustomer customer, List<string> sent, List<JObject> log)
    {
        var seen = customer.Socket.Activities.Where(activity => activity.Value<string>("type") != "typing").Select(ConversationLog.Id).ToList();
        Assert.Equal(seen.Distinct(), seen);
        Assert.Equal(log.Select(ConversationLog.Id), seen);
        Assert.Equal(sent, ConversationLog.CustomerMessages(log).Select(ConversationLog.Id));
        Assert.Equal(sent, ConversationLog.AnswerRuns(log, sent));
        Assert.Empty(ConversationLog.AnswersBeforeTheirMessage(log));
    }}
