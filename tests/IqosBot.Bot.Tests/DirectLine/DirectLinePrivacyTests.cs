using IqosBot.Bot.Tests.Handoff;
using IqosBot.Bot.Tests.Hosting;

namespace IqosBot.Bot.Tests.DirectLine;

/// <summary>A personal identity number typed by mistake on the web page: refused by the bot, and kept nowhere in the conversation log.</summary>
public sealed class DirectLinePrivacyTests : IDisposable
{
    private readonly TempDatabase _database = new();
    private readonly DirectLineHost _host;

    public DirectLinePrivacyTests()
    {
        _host = Agents.Host(_database.Path);
    }

    [Fact]
    public async Task A_personal_identity_number_is_refused_and_neither_shown_back_nor_stored_in_the_log()
    {
        var customer = await Customer.StartAsync(_host);
        await customer.SayAndWaitAsync("jag vill registrera min enhet", "serienummer");

        var replies = await customer.SayAndWaitAsync("19900101-1239", "personnummer");

        Assert.Contains(replies, text => text.StartsWith("Det där ser ut som ett personnummer eller kortnummer.", StringComparison.Ordinal));
        var log = await customer.ActivitiesAsync();
        Assert.DoesNotContain(log, activity => activity.ToString().Contains("19900101", StringComparison.Ordinal));
        Assert.Contains(log, activity => (string?)activity["text"] == "[•••]");

        _host.Dispose();
        Assert.DoesNotContain("19900101", await _database.AllStoredTextAsync(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _host.Dispose();
        _database.Dispose();
    }
}
