using System.Text.RegularExpressions;
using IqosBot.Bot.Tests.Hosting;
using IqosBot.Dialogs.Main;
using Microsoft.Extensions.DependencyInjection;

namespace IqosBot.Bot.Tests.Handoff;

/// <summary>
/// Agents see the journey a customer was in by a label, never a raw dialog id: the console's map has one for
/// every journey the bot runs.
/// </summary>
public sealed partial class AgentConsoleDialogLabelTests : IDisposable
{
    private readonly TempDatabase _database = new();
    private readonly BotHost _host;

    public AgentConsoleDialogLabelTests()
    {
        _host = new BotHost(_database.Path);
    }

    [Fact]
    public async Task Every_journey_has_a_label_in_the_console()
    {
        using var http = _host.CreateClient();
        var script = await http.GetStringAsync("/agent/console.js");

        var map = DialogMap().Match(script);
        Assert.True(map.Success, "No DIALOGS map in console.js");
        var labels = LabelEntry().Matches(map.Groups[1].Value).ToDictionary(entry => entry.Groups[1].Value, entry => entry.Groups[2].Value);

        Assert.All(JourneyDialogs.Ids, id =>
        {
            Assert.True(labels.TryGetValue(id, out var label), $"{id} has no label in console.js");
            Assert.NotEqual(id, label);
        });
        Assert.Equal("Trasig enhet", labels["BrokenDeviceDialog"]);
    }

    [Fact]
    public void Every_listed_journey_is_one_the_bot_runs()
    {
        var main = _host.Services.GetRequiredService<MainDialog>();

        Assert.All(JourneyDialogs.Ids, id => Assert.NotNull(main.FindDialog(id)));
    }

    [GeneratedRegex(@"const DIALOGS = \{(.*?)\};", RegexOptions.Singleline)]
    private static partial Regex DialogMap();

    [GeneratedRegex(@"(\w+)\s*:\s*'([^']+)'")]
    private static partial Regex LabelEntry();

    public void Dispose()
    {
        _host.Dispose();
        _database.Dispose();
    }
}
