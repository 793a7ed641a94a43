using System.Net;
using System.Text;
using Newtonsoft.Json.Linq;

namespace IqosBot.Bot.Tests.Hosting;

/// <summary>
/// Anonymous /api/messages (no app id) replies only to loopback or configured serviceUrl hosts, so nobody can
/// make the bot call an address of their choosing; and a channel's redelivery of a message already handled is
/// acknowledged without running the turn again.
/// </summary>
public sealed class ReplyAndRedeliveryTests : IDisposable
{
    private readonly TempDatabase _database = new();

    [Theory]
    [InlineData("http://169.254.169.254/latest/")]
    [InlineData("https://attacker.example/")]
    [InlineData("http://10.0.0.5:8080/")]
    public async Task An_anonymous_activity_naming_a_foreign_service_url_is_refused_and_nothing_is_called(string serviceUrl)
    {
        using var host = new BotHost(_database.Path);
        var client = new EmulatorClient(host.CreateClient());
        var activity = client.NewActivity("message", new JObject { ["text"] = "hej", ["serviceUrl"] = serviceUrl });
        activity.Remove("deliveryMode");

        var reply = await client.SendAsync(activity);

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Contains("serviceUrl", reply.Body, StringComparison.Ordinal);
        Assert.Contains((await client.SendTextAsync("hej")).Texts, text => text.Contains("hjälpa", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_configured_service_url_host_is_allowed()
    {
        using var host = new BotHost(_database.Path, new Dictionary<string, string?> { ["Security:AllowedServiceUrlHosts:0"] = "channel.example" });
        var client = new EmulatorClient(host.CreateClient());
        var activity = client.NewActivity("typing", new JObject { ["serviceUrl"] = "https://channel.example/" });
        activity.Remove("deliveryMode");

        var reply = await client.SendAsync(activity);

        Assert.NotEqual(HttpStatusCode.BadRequest, reply.Status);
    }

    [Fact]
    public async Task A_message_delivered_twice_is_answered_once()
    {
        using var host = new BotHost(_database.Path);
        var client = new EmulatorClient(host.CreateClient());
        await client.SendTextAsync("jag vill registrera min enhet");
        var serial = client.NewActivity("message", new JObject { ["text"] = "ILP1A2B3C4D5" });

        var first = await client.SendAsync(serial);
        var again = await client.SendAsync(serial);

        Assert.Contains(first.Texts, text => text.StartsWith("När köpte du den?", StringComparison.Ordinal));
        Assert.True(again.Status is HttpStatusCode.OK or HttpStatusCode.Accepted, $"{again.Status}");
        Assert.Empty(again.Texts);

        // The conversation is where the first delivery left it: the next answer is the purchase date's.
        Assert.Contains((await client.SendTextAsync("igår")).Texts, text => text.StartsWith("Vilken e-postadress", StringComparison.Ordinal));
    }

    public void Dispose() => _database.Dispose();
}
