using System.Text;
using System.Text.Json.Nodes;

namespace IqosBot.Bench.LoadDriver;

/// <summary>What the simulated customers say (--script).</summary>
public enum ScriptKind
{
    /// <summary>Short messages of every kind, Swedish and English mixed: greetings, help, a registration started, questions.</summary>
    Mixed,

    /// <summary>Contact questions answered with a FAQ card and "did this help?", each followed by "ok thanks".</summary>
    Faq,

    /// <summary>The registration's happy path up to the summary card, then "cancel", and again.</summary>
    Registration,
}

/// <summary>
/// What the simulated customers say, and the Emulator-shaped activity that carries it. deliveryMode
/// expectReplies makes the bot answer in the HTTP response body, so the serviceUrl is never called.
/// </summary>
public sealed class CustomerScript(string runId, ScriptKind kind = ScriptKind.Mixed)
{
    /// <summary>Short messages of the kind real customers send, Swedish and English mixed.</summary>
    private static readonly string[] Messages =
    [
        "hej", "hjälp", "vad kan du göra?", "hello", "help", "I want to register my device",
        "när har ni öppet?", "what is the money-back guarantee", "tack", "1",
        "min IQOS laddar inte", "my device is not charging", "jag vill prata med en människa", "thanks",
    ];

    // Contact questions that IqosBot's recogniser takes for ContactSupport and answers with the contact card
    // (checked with 'LoadDriver converse'), in the conversation's language. The bench JavaScript bot finds them by keyword.
    private static readonly string[] FaqSwedish =
        ["hur kontaktar jag kundtjänst?", "vad har ni för telefonnummer?", "jag vill kontakta kundtjänst", "hur når jag kundservice?", "kan jag mejla er?"];

    private static readonly string[] FaqEnglish =
        ["how do I contact customer service?", "what is your phone number?", "I need to contact customer service", "how can I reach customer support?", "how do I get in touch with customer care?"];

    // The registration as IqosBot accepts it (Dialogs/Registration): a serial the benefits sandbox knows and has
    // nobody registered to, a past purchase date, an e-mail, 18+ yes, news and offers no; the summary card
    // follows, and "cancel" ends the registration before anything is registered, so it can start again.
    private static readonly string[] RegistrationSwedish =
        ["jag vill registrera min iqos", "{serial}", "2025-03-15", "anna@example.com", "ja", "nej", "avbryt"];

    private static readonly string[] RegistrationEnglish =
        ["I want to register my device", "{serial}", "2025-03-15", "anna@example.com", "yes", "no", "cancel"];

    /// <summary>Unregistered demo devices of IqosBot's benefits sandbox (Sandbox/Benefits/DemoData.cs).</summary>
    private static readonly string[] Serials = ["ILP1A2B3C4D5", "ILO7G6H5J4K3", "D3U9F8E7D6C5"];

    public ScriptKind Kind => kind;

    /// <summary>Parses --script's value.</summary>
    public static ScriptKind ParseKind(string value) => value switch
    {
        "mixed" => ScriptKind.Mixed,
        "faq" => ScriptKind.Faq,
        "registration" => ScriptKind.Registration,
        _ => throw new ArgumentException($"--script must be mixed, faq or registration, not '{value}'"),
    };

    public static string Name(ScriptKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>Unique per run and phase (probe, warm-up, measured), so no conversation is ever continued by mistake.</summary>
    public string ConversationId(string phase, int conversation) => $"bench-{runId}-{phase}-{conversation}";

    /// <summary>Conversations alternate between the two locales the bot serves.</summary>
    public static string Locale(int conversation) => conversation % 2 == 0 ? "sv-SE" : "en-US";

    /// <summary>What the customer of this conversation says at this turn.</summary>
    public string Text(int conversation, int turn)
    {
        var swedish = Locale(conversation) == "sv-SE";
        switch (kind)
        {
            case ScriptKind.Faq:
                // Question, thanks, question, thanks...; each conversation starts at a different question.
                if (turn % 2 == 1)
                    return swedish ? "ok tack" : "ok thanks";
                var questions = swedish ? FaqSwedish : FaqEnglish;
                return questions[(conversation / 2 + turn / 2) % questions.Length];

            case ScriptKind.Registration:
                var steps = swedish ? RegistrationSwedish : RegistrationEnglish;
                var step = steps[turn % steps.Length];
                return step == "{serial}" ? Serials[(conversation / 2 + turn / steps.Length) % Serials.Length] : step;

            default:
                // Each conversation starts at a different point of the list, so concurrent turns differ.
                return Messages[(conversation + turn) % Messages.Length];
        }
    }

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
