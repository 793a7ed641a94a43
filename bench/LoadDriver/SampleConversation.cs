using System.Net.Http.Headers;
using System.Text.Json;

namespace IqosBot.Bench.LoadDriver;

/// <summary>
/// 'converse': one scripted conversation, each customer line followed by the bot's messages, to check that a
/// bot answers a script as intended (the next question, not "I didn't understand") before measuring it.
/// </summary>
public static class SampleConversation
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var url = Options.Endpoint("http://127.0.0.1:3978");
        var kind = ScriptKind.Mixed;
        var turns = 0;
        var conversation = 0;
        foreach (var (name, value) in Options.Pairs(args))
        {
            switch (name)
            {
                case "url": url = Options.Endpoint(value); break;
                case "script": kind = CustomerScript.ParseKind(value); break;
                case "turns": turns = Options.Positive(name, value); break;
                case "conversation": conversation = Options.NonNegative(name, value); break;
                default: throw new ArgumentException($"unknown converse option --{name}");
            }
        }
        // One round of the script by default: the registration's 7 steps, a FAQ question and its thanks twice.
        if (turns == 0)
            turns = kind == ScriptKind.Registration ? 7 : 4;

        var script = new CustomerScript(Guid.NewGuid().ToString("N")[..8], kind);
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(10) };
        Console.WriteLine($"conversation {conversation} ({CustomerScript.Locale(conversation)}), script {CustomerScript.Name(kind)}, {url}");
        for (var turn = 0; turn < turns; turn++)
        {
            var text = script.Text(conversation, turn);
            Console.WriteLine($"> {text}");
            using var content = new ByteArrayContent(script.Activity("converse", conversation, turn, text));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            try
            {
                using var response = await http.PostAsync(url, content);
                var body = await response.Content.ReadAsStringAsync();
                if (!response.IsSuccessStatusCode)
                {
                    Console.WriteLine($"  ! HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
                    continue;
                }
                PrintMessages(body);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                Console.Error.WriteLine($"no answer from {url}: {e.Message}");
                return 2;
            }
        }
        return 0;
    }

    /// <summary>The message activities of an expectReplies body: text, or the card's summary, and the suggested actions.</summary>
    private static void PrintMessages(string body)
    {
        using var document = JsonDocument.Parse(body);
        var messages = document.RootElement.TryGetProperty("activities", out var activities) && activities.ValueKind == JsonValueKind.Array
            ? activities.EnumerateArray().Where(a => a.TryGetProperty("type", out var type) && type.GetString() == "message").ToList()
            : [];
        if (messages.Count == 0)
            Console.WriteLine("  ! no message");
        foreach (var message in messages)
        {
            var line = message.TryGetProperty("text", out var text) && text.GetString() is { Length: > 0 } said ? said : "";
            if (message.TryGetProperty("attachments", out var attachments))
            {
                foreach (var attachment in attachments.EnumerateArray())
                {
                    var summary = message.TryGetProperty("summary", out var s) ? s.GetString() : null;
                    line += $"[{attachment.GetProperty("contentType").GetString()}{(summary is null ? "" : ": " + summary)}]";
                }
            }
            Console.WriteLine($"  < {line.ReplaceLineEndings(" ")}");
            if (message.TryGetProperty("suggestedActions", out var suggested) && suggested.TryGetProperty("actions", out var actions))
                Console.WriteLine($"    [{string.Join(" | ", actions.EnumerateArray().Select(a => a.GetProperty("title").GetString()))}]");
        }
    }
}
