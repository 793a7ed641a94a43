using System.Text;
using IqosBot.Dialogs.Tests.Harness;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace IqosBot.Dialogs.Tests.Listening;

/// <summary>
/// The specification of how the bot listens, as conversations written the way customers write (both
/// languages, every journey and prompt): each file in Listening/Conversations is a table of them, run turn
/// by turn on the SDK's TestAdapter against the whole dialog tree and the real recognizer.
/// </summary>
public sealed class ConversationTableTests
{
    private static readonly Lazy<IReadOnlyDictionary<string, ConversationScript>> Scripts = new(Load);

    public static TheoryData<string> Conversations()
    {
        var data = new TheoryData<string>();
        foreach (var name in Scripts.Value.Keys)
        {
            data.Add(name);
        }

        return data;
    }

    [Fact]
    public void The_table_holds_at_least_two_hundred_conversations_in_both_languages()
    {
        Assert.True(Scripts.Value.Count >= 200, $"The listening table has {Scripts.Value.Count} conversations.");
        Assert.Contains(Scripts.Value.Keys, name => name.StartsWith("sv-", StringComparison.Ordinal));
        Assert.Contains(Scripts.Value.Keys, name => name.StartsWith("en-", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Conversations))]
    public async Task Conversation(string name)
    {
        var script = Scripts.Value[name];
        var bot = new ListeningBot(script.Open);
        var transcript = new StringBuilder();
        foreach (var turn in script.Turns)
        {
            var replies = (await bot.Harness.SendAsync(turn.Says)).Messages();
            var seen = replies.SelectMany(Visible).Select(Normalize).ToList();
            transcript.Append("> ").AppendLine(turn.Says);
            foreach (var text in seen)
            {
                transcript.Append("  < ").AppendLine(text);
            }

            foreach (var expected in turn.MustContain)
            {
                Assert.True(seen.Any(text => text.Contains(Normalize(expected), StringComparison.OrdinalIgnoreCase)), $"Expected a reply containing \"{expected}\".\n{transcript}");
            }

            foreach (var unwanted in turn.MustNotContain)
            {
                Assert.False(seen.Any(text => text.Contains(Normalize(unwanted), StringComparison.OrdinalIgnoreCase)), $"Expected no reply containing \"{unwanted}\".\n{transcript}");
            }

            foreach (var effect in turn.Effects)
            {
                Assert.True(ConversationEffects.Holds(bot, effect, out var actual), $"Expected '{effect}', but {actual}.\n{transcript}");
            }
        }
    }

    /// <summary>Everything a customer can read in a reply: its text, its buttons, its cards.</summary>
    private static IEnumerable<string> Visible(Activity reply)
    {
        if (!string.IsNullOrEmpty(reply.Text))
        {
            yield return reply.Text;
        }

        foreach (var title in reply.SuggestedTitles())
        {
            yield return title;
        }

        foreach (var attachment in reply.Attachments ?? [])
        {
            var content = attachment.Content as JToken ?? JToken.FromObject(attachment.Content ?? new object());
            IEnumerable<JToken> tokens = content is JContainer container ? container.DescendantsAndSelf() : [content];
            foreach (var value in tokens.OfType<JValue>().Where(value => value.Type == JTokenType.String))
            {
                yield return (string)value!;
            }
        }
    }

    /// <summary>The table in the source tree, found from the test assembly's folder, so an edit to it needs no build.</summary>
    private static string ConversationsFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "Listening", "Conversations");
            if (directory.Name == "IqosBot.Dialogs.Tests" && Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("tests/IqosBot.Dialogs.Tests/Listening/Conversations was not found above " + AppContext.BaseDirectory);
    }

    private static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static IReadOnlyDictionary<string, ConversationScript> Load()
    {
        var folder = ConversationsFolder();
        var scripts = new Dictionary<string, ConversationScript>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(folder, "*.txt").Order(StringComparer.Ordinal))
        {
            var prefix = Path.GetFileNameWithoutExtension(file);
            foreach (var script in ConversationScript.Parse(File.ReadAllText(file), file))
            {
                var name = $"{prefix}: {script.Title}";
                if (!scripts.TryAdd(name, script))
                {
                    throw new InvalidOperationException($"Two conversations are called '{name}'.");
                }
            }
        }

        return scripts;
    }
}
