namespace IqosBot.Bot.Tests.Hosting;

/// <summary>A regulated product: health questions get a neutral pointer to official information, and tobacco is never sold or promoted.</summary>
public sealed class ComplianceTests : IDisposable
{
    private static readonly string[] PromotionalWords = ["köp", "buy", "erbjudande", "offer", "rabatt", "discount", "billig", "cheap", "healthier", "hälsosammare", "safer", "säkrare", "mindre skadlig", "less harmful"];

    private readonly TempDatabase _database = new();
    private readonly BotHost _host;

    public ComplianceTests()
    {
        _host = new BotHost(_database.Path);
    }

    [Theory]
    [InlineData("är iqos farligt för hälsan?", "Folkhälsomyndigheten")]
    [InlineData("ar iqos mindre skadligt an cigaretter", "Folkhälsomyndigheten")]
    [InlineData("is iqos healthier than smoking", "Public Health Agency of Sweden")]
    [InlineData("does iqos give you cancer?", "Public Health Agency of Sweden")]
    public async Task A_health_question_gets_a_neutral_reply_pointing_to_official_information(string question, string authority)
    {
        var client = new EmulatorClient(_host.CreateClient());

        var reply = await client.SendTextAsync(question);

        var answer = reply.Texts[0];
        Assert.Contains(authority, answer, StringComparison.Ordinal);
        Assert.DoesNotContain(PromotionalWords, word => answer.Contains(word, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(4, reply.SuggestedActions.Count);
    }

    [Theory]
    [InlineData("kan jag köpa terea här?", "tobaksprodukter")]
    [InlineData("where can i buy heets cheap", "tobacco products")]
    public async Task Buying_tobacco_is_declined_without_promotion(string question, string expected)
    {
        var client = new EmulatorClient(_host.CreateClient());

        var reply = await client.SendTextAsync(question);

        var answer = reply.Texts[0];
        Assert.Contains(expected, answer, StringComparison.Ordinal);
        Assert.DoesNotContain("TEREA", answer, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("HEETS", answer, StringComparison.OrdinalIgnoreCase);
    }

    public void Dispose()
    {
        _host.Dispose();
        _database.Dispose();
    }
}
