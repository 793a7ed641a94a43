using IqosBot.Bot.Tests.Handoff;
using IqosBot.Bot.Tests.Hosting;

namespace IqosBot.Bot.Tests.DirectLine;

/// <summary>
/// A message longer than the bot reads (Messages:MaxLength, 2,000 characters): a polite request for a shorter
/// one in the customer's language, nothing of it understood, and nothing past the limit kept anywhere — not in
/// the Direct Line log, the transcript, the state or the logs. The next ordinary message is answered as usual.
/// </summary>
public sealed class LongMessageTests : IDisposable
{
    /// <summary>Stands past the 2,000th character: it must be found nowhere afterwards.</summary>
    private const string PastTheLimit = "SLUTMARKOR-7731";

    private readonly TempDatabase _database = new();
    private readonly DirectLineHost _host;

    public LongMessageTests()
    {
        _host = Agents.Host(_database.Path);
    }

    [Fact]
    public async Task Over_direct_line_the_customer_is_asked_for_a_shorter_message_and_the_tail_is_kept_nowhere()
    {
        var customer = await Customer.StartAsync(_host);
        var text = string.Concat(Enumerable.Repeat("koppla mig till en människa ", 100)) + PastTheLimit;

        var replies = await customer.SayAndWaitAsync(text, "kortare");
        var next = await customer.SayAndWaitAsync("hej", "hjälpa");

        Assert.Contains(replies, reply => reply.StartsWith("Det var ett långt meddelande!", StringComparison.Ordinal));
        Assert.DoesNotContain(replies, reply => reply.Contains("kö", StringComparison.Ordinal));
        Assert.NotEmpty(next);
        var log = await customer.ActivitiesAsync();
        Assert.DoesNotContain(log, activity => activity.ToString().Contains(PastTheLimit, StringComparison.Ordinal));
        Assert.Contains(log, activity => ((string?)activity["text"])?.Length == 2001);
        Assert.DoesNotContain(_host.Logs.Lines, line => line.Contains(PastTheLimit, StringComparison.Ordinal));

        _host.Dispose();
        Assert.DoesNotContain(PastTheLimit, await _database.AllStoredTextAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sv-SE", "Det var ett långt meddelande!")]
    [InlineData("en-US", "That's a long message!")]
    public async Task Over_api_messages_the_request_is_in_the_customers_language(string locale, string expected)
    {
        var client = new EmulatorClient(_host.CreateClient(), locale: locale, channelId: "webchat");
        var word = locale == "sv-SE" ? "hej " : "hello ";

        var reply = await client.SendTextAsync(string.Concat(Enumerable.Repeat(word, 700)) + PastTheLimit);

        Assert.StartsWith(expected, Assert.Single(reply.Texts), StringComparison.Ordinal);
        Assert.DoesNotContain(PastTheLimit, reply.Body, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _host.Dispose();
        _database.Dispose();
    }
}
