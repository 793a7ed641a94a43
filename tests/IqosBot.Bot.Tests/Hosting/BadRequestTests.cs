using System.Net;
using System.Text;
using Newtonsoft.Json.Linq;

namespace IqosBot.Bot.Tests.Hosting;

/// <summary>What /api/messages answers to requests that are not usable activities: a 400 with a reason, never a 500.</summary>
public sealed class BadRequestTests : IDisposable
{
    private readonly TempDatabase _database = new();
    private readonly BotHost _host;

    public BadRequestTests()
    {
        _host = new BotHost(_database.Path);
    }

    [Theory]
    [InlineData("{not json", "not valid JSON")]
    [InlineData("", "empty")]
    [InlineData("{\"text\":\"hej\",\"conversation\":{\"id\":\"c\"},\"channelId\":\"emulator\",\"serviceUrl\":\"http://127.0.0.1:1/\"}", "no type")]
    [InlineData("{\"type\":\"message\",\"text\":\"hej\",\"channelId\":\"emulator\",\"serviceUrl\":\"http://127.0.0.1:1/\"}", "no conversation id")]
    [InlineData("{\"type\":\"message\",\"text\":\"hej\",\"conversation\":{\"id\":\"c\"},\"channelId\":\"emulator\"}", "serviceUrl")]
    [InlineData("{\"type\":\"message\",\"text\":\"hej\",\"conversation\":{\"id\":\"c\"},\"serviceUrl\":\"http://127.0.0.1:1/\"}", "channelId")]
    [InlineData("{\"type\":\"message\",\"timestamp\":\"yesterday\",\"conversation\":{\"id\":\"c\"},\"channelId\":\"emulator\",\"serviceUrl\":\"http://127.0.0.1:1/\"}", "not valid JSON")]
    [InlineData("[1,2,3]", "not valid JSON")]
    public async Task A_malformed_activity_gets_400_with_a_reason(string body, string reason)
    {
        using var client = _host.CreateClient();

        using var response = await client.PostAsync("/api/messages", new StringContent(body, Encoding.UTF8, "application/json"));
        var problem = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, problem, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_bot_keeps_answering_after_bad_requests()
    {
        using var http = _host.CreateClient();
        await http.PostAsync("/api/messages", new StringContent("{oops", Encoding.UTF8, "application/json"));

        var reply = await new EmulatorClient(http).SendTextAsync("hej");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal("Hej! Vad kan jag hjälpa dig med?", Assert.Single(reply.Texts));
    }

    [Fact]
    public async Task Get_on_the_messages_endpoint_is_not_allowed()
    {
        using var client = _host.CreateClient();

        using var response = await client.GetAsync("/api/messages");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task An_activity_type_the_bot_does_not_handle_is_accepted_quietly()
    {
        var client = new EmulatorClient(_host.CreateClient());

        var reply = await client.SendAsync(client.NewActivity("typing"));

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Empty(reply.Activities);
    }

    public void Dispose()
    {
        _host.Dispose();
        _database.Dispose();
    }
}
