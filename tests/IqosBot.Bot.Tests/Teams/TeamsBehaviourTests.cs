using System.Net;
using IqosBot.Bot.Tests.DirectLine;
using IqosBot.Bot.Tests.Handoff;
using IqosBot.Bot.Tests.Hosting;
using IqosBot.Bot.Tests.TwoProcesses;
using Newtonsoft.Json.Linq;

namespace IqosBot.Bot.Tests.Teams;

/// <summary>
/// What a Teams customer notices, with the activities Teams sends to a bot in a personal chat: a welcome once when
/// the app is installed, an edit of a sent message answered with a word (once) instead of being run as a new
/// message, a deletion passed over, the menu as buttons Teams shows, and cards Teams renders.
/// </summary>
public sealed class TeamsBehaviourTests : IDisposable
{
    private readonly TempDatabase _database = new();
    private readonly DirectLineHost _host;

    public TeamsBehaviourTests()
    {
        _host = Agents.Host(_database.Path);
    }

    [Theory]
    [InlineData("sv-SE", "Hej och välkommen till IQOS kundtjänst!")]
    [InlineData("en-US", "Hi and welcome to IQOS customer care!")]
    public async Task Installing_the_app_welcomes_the_customer_once_in_their_language(string locale, string welcome)
    {
        var customer = Customer(locale);

        var installed = await customer.SendAsync(Teams(customer, "installationUpdate", new JObject { ["action"] = "add" }));
        var botAdded = await customer.SendAsync(Teams(customer, "conversationUpdate", new JObject
        {
            ["membersAdded"] = new JArray(new JObject { ["id"] = "28:iqosbot" }),
        }));
        var reinstalled = await customer.SendAsync(Teams(customer, "installationUpdate", new JObject { ["action"] = "add" }));

        Assert.Equal(HttpStatusCode.OK, installed.Status);
        Assert.StartsWith(welcome, installed.Texts[0], StringComparison.Ordinal);
        Assert.Empty(botAdded.Activities);
        Assert.Empty(reinstalled.Activities);
    }

    [Fact]
    public async Task An_edited_message_gets_one_word_and_the_question_that_was_waiting_still_takes_the_next_message()
    {
        var customer = Customer("sv-SE");
        var asked = await customer.SendTextAsync("jag vill registrera min iqos");
        Assert.Contains(asked.Texts, text => text.StartsWith("Vilket serienummer har din IQOS?", StringComparison.Ordinal));

        var edited = await customer.SendAsync(Teams(customer, "messageUpdate", new JObject
        {
            ["text"] = "jag vill kolla garantin",
            ["channelData"] = new JObject { ["eventType"] = "editMessage" },
        }));
        var editedAgain = await customer.SendAsync(Teams(customer, "messageUpdate", new JObject
        {
            ["text"] = "prata med en person",
            ["channelData"] = new JObject { ["eventType"] = "editMessage" },
        }));
        var next = await customer.SendTextAsync("vad menar du med serienummer?");

        Assert.Equal(["Jag läser bara nya meddelanden, så jag ser inte ändringar i ett som du redan har skickat. Skicka gärna den rättade texten som ett nytt meddelande."], edited.Texts);
        Assert.Equal(HttpStatusCode.OK, editedAgain.Status);
        Assert.Empty(editedAgain.Activities);

        // Still registering: neither edit started the warranty check or a handoff.
        var said = string.Join("\n", next.Texts);
        Assert.DoesNotContain("kollega", said, StringComparison.Ordinal);
        Assert.DoesNotContain("enheten du vill kolla", said, StringComparison.Ordinal);
        Assert.Contains("serienummer", said, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_deleted_message_gets_no_answer_and_the_conversation_goes_on()
    {
        var customer = Customer("en-US");
        await customer.SendTextAsync("I want to register my device");

        var deleted = await customer.SendAsync(Teams(customer, "messageDelete", new JObject
        {
            ["channelData"] = new JObject { ["eventType"] = "softDeleteMessage" },
        }));
        var next = await customer.SendTextAsync("cancel");

        Assert.Equal(HttpStatusCode.OK, deleted.Status);
        Assert.Empty(deleted.Activities);
        Assert.NotEmpty(next.Texts);
    }

    [Theory]
    [InlineData("personal")]
    [InlineData("groupChat")]
    public async Task The_menu_of_four_options_comes_as_card_buttons_because_teams_shows_at_most_three_suggested_actions(string conversationType)
    {
        var customer = Customer("sv-SE");

        var reply = await customer.SendAsync(Teams(customer, "message", new JObject { ["text"] = "hej" }, conversationType));

        Assert.All(reply.Activities, activity => Assert.Null(activity["suggestedActions"]));
        var buttons = reply.Activities.SelectMany(activity => activity["attachments"] ?? new JArray())
            .SelectMany(attachment => attachment["content"]?["buttons"] ?? new JArray())
            .Select(button => (string?)button["title"])
            .ToList();
        Assert.Equal(["Registrera enhet", "Kolla min garanti", "Ställ en fråga", "Prata med en person"], buttons);
    }

    [Fact]
    public void Every_adaptive_card_is_on_a_schema_version_teams_renders()
    {
        var templates = Directory.GetFiles(BuildOutput.InRepository("Cards", "Templates"), "*.json");

        Assert.NotEmpty(templates);
        Assert.All(templates, path => Assert.True(
            Version.Parse((string)JObject.Parse(File.ReadAllText(path))["version"]!) <= new Version(1, 5),
            $"{Path.GetFileName(path)} needs a newer Adaptive Cards version than Teams renders (1.5)."));
    }

    public void Dispose()
    {
        _host.Dispose();
        _database.Dispose();
    }

    private EmulatorClient Customer(string locale) => new(_host.CreateClient(), locale: locale, channelId: "msteams");

    /// <summary>An activity as Teams sends it to a bot: its ids, the tenant, and the kind of chat.</summary>
    private static JObject Teams(EmulatorClient customer, string type, JObject extra, string conversationType = "personal")
    {
        var activity = customer.NewActivity(type, extra);
        activity["from"] = new JObject { ["id"] = "29:kund", ["aadObjectId"] = "5c1e0f4a-0000-4000-8000-000000000001", ["role"] = "user" };
        activity["recipient"] = new JObject { ["id"] = "28:iqosbot", ["name"] = "IQOS kundtjänst", ["role"] = "bot" };
        activity["conversation"]!["conversationType"] = conversationType;
        activity["conversation"]!["tenantId"] = "72f988bf-0000-4000-8000-000000000000";
        activity["channelData"] = new JObject { ["tenant"] = new JObject { ["id"] = "72f988bf-0000-4000-8000-000000000000" } }.MergedWith(activity["channelData"]);
        return activity;
    }
}

internal static class JObjectMerge
{
    public static JObject MergedWith(this JObject target, JToken? extra)
    {
        if (extra is JObject more)
        {
            target.Merge(more);
        }

        return target;
    }
}
