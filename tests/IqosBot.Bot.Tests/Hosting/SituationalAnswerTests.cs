namespace IqosBot.Bot.Tests.Hosting;

/// <summary>
/// Through the running bot and its real recognizer: questions that carry the customer's situation get an
/// answer to that situation first (when it was bought, being abroad now, a store), in their language.
/// </summary>
public sealed class SituationalAnswerTests : IDisposable
{
    private readonly TempDatabase _database = new();
    private readonly BotHost _host;

    public SituationalAnswerTests()
    {
        _host = new BotHost(_database.Path);
    }

    [Theory]
    [InlineData("jag köpte den för 80 dagar sedan, kan jag lämna tillbaka den?", "Du köpte den för 80 dagar sedan. Det är mer än 60 dagar")]
    [InlineData("I'm on holiday in Italy and my IQOS just broke", "As you're already abroad: contact customer care now")]
    [InlineData("finns det någon iqos-butik i göteborg?", "Jag har ingen aktuell lista över IQOS-butiker")]
    public async Task The_first_thing_said_answers_the_customers_situation(string message, string start)
    {
        var client = new EmulatorClient(_host.CreateClient(), channelId: "webchat");

        var reply = await client.SendTextAsync(message);

        Assert.StartsWith(start, reply.Texts.First(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _host.Dispose();
        _database.Dispose();
    }
}
