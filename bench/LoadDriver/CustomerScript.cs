using System.Text;
using System.Text.Json.Nodes;

namespace IqosBot.Bench.LoadDriver;

/// <summary>
/// What the simulated customers say, and the Emulator-shaped activity that carries it. deliveryMode
/// expectReplies makes the bot answer in the HTTP response body, so the serviceUrl is never called.
/// </summary>
public sealed class CustomerScript(string runId)
{
    /// <summary>Short messages of the kind real customers send, Swedish and English mixed.</summary>
    private static readonly string[] Messages =
    [
        "hej", "hjälp", "vad kan du göra?", "hello", "help", "I want to register my device",
        "när har ni öppet?", "what is the money-back guarantee", "tack", "1",
        "min IQOS laddar inte", "my device is not charging", "jag vill prata med en människa", "thanks",
    ];

    /// <summary>Unique per run and phase (probe, warm-up, measured), so no conversation is ever continued by mistake.</summary>
    public string ConversationId(string phase, int conversation) => $"bench-{runId}-{phase}-{conversation}";

    /// <summary>Conversations alternate between the two locales the bot serves.</summary>
    public static string Locale(int conversation) => conversation % 2 == 0 ? "sv-SE" : "en-US";

    /// <summary>Each conversation starts at a different point of the list, so concurrent turns differ.</summary>
    public static string Text(int conversation, int turn) => Messages[(conversation + turn) % Messages.Length];

    public byte[] Activity(string phase, int conversation, int turn, string? text = null)
    {
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["id"] = $"{ConversationId(phase, conversation)}-{turn}",
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("o"),
            ["channelId"] = "emulator",
            ["serviceUrl"] = "http://127.0.0.1:1/",
            ["deliveryMode"] = "expectReplies",
            ["conversation"] = new JsonObject { ["id"] = ConversationId(phase, conversation) },
            ["from"] = new JsonObject { ["id"] = $"user-{ConversationId(phase, conversation)}", ["name"] = $"Customer {conversation}", ["role"] = "user" },
            ["recipient"] = new JsonObject { ["id"] = "bot", ["name"] = "IqosBot", ["role"] = "bot" },
            ["locale"] = Locale(conversation),
            ["text"] = text ?? Text(conversation, turn),
        };
        return Encoding.UTF8.GetBytes(activity.ToJsonString());
    }
}
