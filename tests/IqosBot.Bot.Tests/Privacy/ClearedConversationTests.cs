using IqosBot.Bot.Tests.Hosting;
using IqosBot.Privacy;
using IqosBot.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace IqosBot.Bot.Tests.Privacy;

/// <summary>
/// A customer who walked away mid-registration and comes back after the retention period: what they typed is
/// gone, and the bot says why it starts afresh instead of taking the message as an answer to an old question.
/// </summary>
public sealed class ClearedConversationTests : IDisposable
{
    private readonly TempDatabase _database = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly BotHost _host;

    public ClearedConversationTests()
    {
        _host = new BotHost(_database.Path, services: services => services.AddSingleton<TimeProvider>(_time));
    }

    [Theory]
    [InlineData("sv-SE", "jag vill registrera min enhet", "igår", "Det var ett tag sedan vi hördes", "När köpte du den?")]
    [InlineData("en-GB", "I want to register my device", "yesterday", "It's been a while since we last talked", "When did you buy it?")]
    public async Task After_the_retention_period_the_old_answers_are_gone_and_the_bot_says_it_starts_afresh(
        string locale, string start, string lateAnswer, string afresh, string datePrompt)
    {
        var client = new EmulatorClient(_host.CreateClient(), locale: locale, channelId: "webchat");
        await client.SendTextAsync(start);
        Assert.StartsWith(datePrompt, (await client.SendTextAsync("ILP1A2B3C4D5")).Texts.Single());

        _time.Advance(TimeSpan.FromDays(8));
        await _host.Services.GetRequiredService<PersonalDataRetention>().SweepAsync(CancellationToken.None);

        var state = await _host.Services.GetRequiredService<SqliteStorage>().ReadAsync(["webchat/conversations/" + client.ConversationId]);
        Assert.DoesNotContain("ILP1A2B3C4D5", Newtonsoft.Json.JsonConvert.SerializeObject(state), StringComparison.Ordinal);

        var reply = await client.SendTextAsync(lateAnswer);

        Assert.StartsWith(afresh, reply.Texts[0], StringComparison.Ordinal);
        Assert.DoesNotContain(reply.Texts, text => text.Contains("e-post", StringComparison.OrdinalIgnoreCase) || text.Contains("e-mail", StringComparison.OrdinalIgnoreCase));

        // Said once: the conversation goes on as a new one.
        var next = await client.SendTextAsync(start);
        Assert.DoesNotContain(next.Texts, text => text.StartsWith(afresh, StringComparison.Ordinal));
    }

    public void Dispose()
    {
        _host.Dispose();
        _database.Dispose();
    }
}
