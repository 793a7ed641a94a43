using Newtonsoft.Json.Linq;

namespace IqosBot.Bot.Tests.Hosting;

/// <summary>The bot is stopped and started again on the same state file: conversations carry on.</summary>
public sealed class RestartTests : IDisposable
{
    private readonly TempDatabase _database = new();

    [Fact]
    public async Task The_customers_language_and_welcome_survive_a_restart()
    {
        const string conversation = "conv-restart";
        using (var before = new BotHost(_database.Path))
        {
            var client = new EmulatorClient(before.CreateClient(), conversation, locale: "sv-SE");
            await client.JoinAsync();
            var english = await client.SendTextAsync("hello");
            Assert.Equal("Hi! What can I help you with?", Assert.Single(english.Texts));
        }

        using var after = new BotHost(_database.Path);
        var again = new EmulatorClient(after.CreateClient(), conversation, locale: "sv-SE");

        var join = await again.SendEventAsync("webchat/join", new JObject { ["language"] = "sv-SE" });
        var neutral = await again.SendTextAsync("2");

        Assert.Empty(join.Activities);
        Assert.StartsWith("What's the serial number of the device you want to check?", neutral.Texts[0]);
    }

    public void Dispose() => _database.Dispose();
}
