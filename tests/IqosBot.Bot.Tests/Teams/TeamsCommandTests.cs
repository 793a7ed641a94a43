using IqosBot.Bot.Tests.DirectLine;
using IqosBot.Bot.Tests.Handoff;
using IqosBot.Bot.Tests.Hosting;
using IqosBot.Bot.Tests.TwoProcesses;
using Newtonsoft.Json.Linq;

namespace IqosBot.Bot.Tests.Teams;

/// <summary>
/// The commands Teams lists under the message box (deployment/teams/manifest.json, and sv.json for a Swedish Teams)
/// are sent as the customer's message when picked. Each must start what it names, in the language it is written in.
/// </summary>
public sealed class TeamsCommandTests : IDisposable
{
    private readonly TempDatabase _database = new();
    private readonly DirectLineHost _host;

    public TeamsCommandTests()
    {
        _host = Agents.Host(_database.Path);
    }

    public static TheoryData<string, int, string> Commands()
    {
        var data = new TheoryData<string, int, string>();
        var folder = BuildOutput.InRepository("deployment", "teams");
        var manifest = JObject.Parse(File.ReadAllText(Path.Combine(folder, "manifest.json")));
        var swedish = JObject.Parse(File.ReadAllText(Path.Combine(folder, "sv.json")));
        var commands = manifest["bots"]![0]!["commandLists"]![0]!["commands"]!;
        for (var i = 0; i < commands.Count(); i++)
        {
            data.Add("en-US", i, (string)commands[i]!["title"]!);
            data.Add("sv-SE", i, (string)swedish[$"bots[0].commandLists[0].commands[{i}].title"]!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Each_command_starts_what_it_names_in_its_own_language(string locale, int index, string title)
    {
        var customer = new EmulatorClient(_host.CreateClient(), locale: locale, channelId: "msteams");

        var reply = await customer.SendTextAsync(title);

        var said = string.Join("\n", reply.Texts.Concat(reply.Activities.SelectMany(CardTexts)));
        Assert.True(Expected[(locale, index)].Any(text => said.Contains(text, StringComparison.Ordinal)), $"\"{title}\" got: {said}");
    }

    public void Dispose()
    {
        _host.Dispose();
        _database.Dispose();
    }

    /// <summary>The first question of each option, as the customer reads it (index: the command's place in the list).</summary>
    private static readonly Dictionary<(string, int), string[]> Expected = new()
    {
        [("en-US", 0)] = ["What's your IQOS serial number?"],
        [("sv-SE", 0)] = ["Vilket serienummer har din IQOS?"],
        [("en-US", 1)] = ["serial number of the device you want to check"],
        [("sv-SE", 1)] = ["serienummer har enheten du vill kolla"],
        [("en-US", 2)] = ["Type your question"],
        [("sv-SE", 2)] = ["Skriv din fråga"],
        [("en-US", 3)] = ["connect you with a colleague"],
        [("sv-SE", 3)] = ["Jag kopplar dig till en kollega"],
    };

    private static IEnumerable<string> CardTexts(JObject activity)
        => activity["attachments"]?.SelectMany(attachment => attachment["content"]?.SelectTokens("$..text").Select(token => (string?)token).OfType<string>() ?? []) ?? [];
}
