using IqosBot.Conversations;
using IqosBot.Dialogs.Choices;
using IqosBot.Dialogs.Engine;
using IqosBot.Dialogs.Prompts;
using IqosBot.Storage;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace IqosBot.Bot.Tests.Storage;

/// <summary>
/// State as stored: the type names the bot writes (cached per type, no longer rebuilt by Newtonsoft on every write)
/// are exactly those Newtonsoft's default writes, so files written before and after read the same, and what is
/// written reads back as the same .NET types.
/// </summary>
public sealed class StateJsonTests
{
    [Fact]
    public void A_conversations_state_is_written_exactly_as_newtonsoft_names_its_types_by_default()
    {
        var state = RealisticState();

        var written = StateJson.Serialize(state);

        Assert.Equal(WithNewtonsoftDefaults(state), written);
        Assert.Contains("\"$type\":\"System.Collections.Generic.Dictionary`2[[System.String, System.Private.CoreLib],[System.Object, System.Private.CoreLib]], System.Private.CoreLib\"", written, StringComparison.Ordinal);
    }

    [Fact]
    public void What_is_written_reads_back_as_the_same_types_and_values()
    {
        var read = Assert.IsType<Dictionary<string, object>>(StateJson.Deserialize(StateJson.Serialize(RealisticState())));

        var dialogs = Assert.IsType<DialogState>(read["DialogState"]);
        var options = Assert.IsType<PromptOptions>(dialogs.DialogStack[0].State["options"]);
        Assert.Equal("Registrera enhet", options.Choices[0].Title);
        Assert.Equal(new[] { 3, 5 }, Assert.IsType<int[]>(dialogs.DialogStack[0].State["steps"]));
        Assert.Equal(["ILP1A2B3C4D5"], Assert.IsType<List<string>>(dialogs.DialogStack[0].State["serials"]));
        Assert.Equal(2, Assert.IsType<Dictionary<string, List<long>>>(dialogs.DialogStack[0].State["attempts"])["serial"][1]);
        Assert.Equal("sv", Assert.IsType<ConversationData>(read["ConversationData"]).Language);
    }

    [Fact]
    public void A_type_from_an_assembly_state_never_holds_is_refused_when_written()
    {
        var state = new Dictionary<string, object> { ["x"] = new System.Net.Cookie("session", "1") };

        Assert.Throws<JsonSerializationException>(() => StateJson.Serialize(state));
    }

    private static Dictionary<string, object> RealisticState()
    {
        var menu = new PromptOptions
        {
            Prompt = Microsoft.Bot.Builder.MessageFactory.Text("Hej! Vad kan jag hjälpa dig med?"),
            Choices = [new Choice("RegisterDevice", "Registrera enhet", ["registrera min enhet", "register device"])],
            AllowPartialMatches = false,
        };
        return new Dictionary<string, object>
        {
            ["ConversationData"] = new ConversationData { Language = "sv", RecentActivityIds = ["a-1", "a-2"] },
            ["DialogState"] = new DialogState
            {
                DialogStack =
                [
                    new DialogInstance
                    {
                        Id = "mainMenu",
                        State = new Dictionary<string, object>
                        {
                            ["options"] = menu,
                            ["steps"] = new[] { 3, 5 },
                            ["serials"] = new List<string> { "ILP1A2B3C4D5" },
                            ["attempts"] = new Dictionary<string, List<long>> { ["serial"] = [1, 2] },
                            ["stepIndex"] = 1,
                        },
                    },
                ],
            },
        };
    }

    /// <summary>Newtonsoft's own naming (Simple assembly names, its default binder), with the store's other settings.</summary>
    private static string WithNewtonsoftDefaults(object value)
    {
        var serializer = JsonSerializer.Create(new JsonSerializerSettings { TypeNameHandling = TypeNameHandling.Auto, NullValueHandling = NullValueHandling.Ignore, MaxDepth = null });
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        serializer.Serialize(writer, value, typeof(object));
        return writer.ToString();
    }
}
