using Newtonsoft.Json.Linq;

namespace IqosBot.Bot.Tests.Hosting;

/// <summary>The Emulator's inspector shows what the recognizer made of each message; no other channel ever sees it.</summary>
public sealed class RecognizerTraceTests : IDisposable
{
    private readonly TempDatabase _database = new();
    private readonly BotHost _host;

    public RecognizerTraceTests()
    {
        _host = new BotHost(_database.Path);
    }

    [Fact]
    public async Task The_emulator_gets_a_recognizer_result_trace_for_a_recognised_turn()
    {
        var client = new EmulatorClient(_host.CreateClient(), channelId: "emulator");

        var reply = await client.SendTextAsync("vad ingår i care plus");

        var trace = Assert.Single(reply.Activities, a => (string?)a["type"] == "trace");
        Assert.Equal("IntentRecognizer", (string?)trace["name"]);
        Assert.Equal("Recognizer result", (string?)trace["label"]);
        Assert.Equal("https://www.botframework.com/schemas/recognizerResult", (string?)trace["valueType"]);
        var value = (JObject)trace["value"]!;
        Assert.Equal("vad ingår i care plus", (string?)value["text"]);
        Assert.Equal("CarePlus", (string?)value["topIntent"]);
        Assert.True((double)value["intents"]!["CarePlus"]!["score"]! > 0.5);
    }

    [Fact]
    public async Task Below_the_threshold_the_trace_names_None_as_the_top_intent()
    {
        var client = new EmulatorClient(_host.CreateClient(), channelId: "emulator");

        var reply = await client.SendTextAsync("qwzx plonk");

        var trace = Assert.Single(reply.Activities, a => (string?)a["type"] == "trace");
        Assert.Equal("None", (string?)trace["value"]!["topIntent"]);
        Assert.StartsWith("Förlåt, det förstod jag inte riktigt.", reply.Texts.Single());
    }

    [Fact]
    public async Task Every_message_turn_carries_exactly_one_trace_saying_what_decided_it()
    {
        var client = new EmulatorClient(_host.CreateClient(), channelId: "emulator");
        (string Message, string DecidedBy, string ActedOn)[] turns =
        [
            ("vad ingår i care plus", "recognizer", "CarePlus"),
            ("ja tack", "prompt", "prompt"),
            ("registrera min enhet", "rule:Menu", "RegisterDevice"),
            ("ILP1A2B3C4D5", "prompt", "prompt"),
            ("jag vill prata med en människa", "rule:Person", "Person"),
        ];

        var seen = new List<string>();
        foreach (var (message, _, _) in turns)
        {
            var reply = await client.SendTextAsync(message);
            var traces = reply.Activities.Where(a => (string?)a["type"] == "trace").ToList();
            var trace = Assert.Single(traces);
            Assert.Equal(message, (string?)trace["value"]!["text"]);
            seen.Add($"{trace["value"]!["decidedBy"]} {trace["value"]!["actedOn"]}");
        }

        Assert.Equal(turns.Select(turn => $"{turn.DecidedBy} {turn.ActedOn}"), seen);
    }

    [Fact]
    public async Task A_rule_that_decides_before_the_recognizer_is_named_in_the_trace()
    {
        var client = new EmulatorClient(_host.CreateClient(), channelId: "emulator");

        var reply = await client.SendTextAsync("jag är 16 år");

        var trace = Assert.Single(reply.Activities, a => (string?)a["type"] == "trace");
        Assert.Equal("rule:Minor", (string?)trace["value"]!["decidedBy"]);
        Assert.NotEmpty(reply.Texts);
    }

    [Theory]
    [InlineData("webchat")]
    [InlineData("msteams")]
    [InlineData("directline")]
    public async Task Other_channels_never_get_the_trace(string channel)
    {
        var client = new EmulatorClient(_host.CreateClient(), channelId: channel);

        var reply = await client.SendTextAsync("vad ingår i care plus");

        Assert.DoesNotContain(reply.Activities, a => (string?)a["type"] == "trace");
        Assert.NotEmpty(reply.Activities);
    }

    public void Dispose()
    {
        _host.Dispose();
        _database.Dispose();
    }
}
