using System.Net;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace IqosBot.Bot.Tests.Hosting;

/// <summary>A turn that throws: the customer gets an apology in their language, never the exception, and the bot lives on.</summary>
public sealed class TurnErrorTests : IDisposable
{
    private const string SecretDetail = "connection string Server=db;Password=hunter2";

    private readonly TempDatabase _database = new();
    private readonly BotHost _host;

    public TurnErrorTests()
    {
        _host = new BotHost(_database.Path, services: services => services.AddTransient<IBot>(provider =>
            new FailingOnDemandBot(ActivatorUtilities.CreateInstance<Bots.IqosBot>(provider))));
    }

    [Theory]
    [InlineData("sv-SE", "Förlåt, något gick fel hos mig. Försök igen om en liten stund, eller ring kundtjänst på 020-25 10 10.")]
    [InlineData("en-US", "Sorry, something went wrong on my side. Please try again in a moment, or call customer care on 020-25 10 10.")]
    public async Task The_customer_gets_an_apology_with_the_phone_number_and_no_exception_text(string locale, string apology)
    {
        var client = new EmulatorClient(_host.CreateClient(), locale: locale);

        var reply = await client.SendTextAsync("boom");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(apology, Assert.Single(reply.Texts));
        Assert.DoesNotContain("hunter2", reply.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_conversation_goes_on_after_a_failed_turn()
    {
        var client = new EmulatorClient(_host.CreateClient());

        await client.SendTextAsync("boom");
        var next = await client.SendTextAsync("hej");

        Assert.Equal("Hej! Vad kan jag hjälpa dig med?", Assert.Single(next.Texts));
    }

    /// <summary>The real bot, except that the message "boom" makes its turn throw.</summary>
    private sealed class FailingOnDemandBot(IBot inner) : IBot
    {
        public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
            => turnContext.Activity.Text == "boom"
                ? throw new InvalidOperationException(SecretDetail)
                : inner.OnTurnAsync(turnContext, cancellationToken);
    }

    public void Dispose()
    {
        _host.Dispose();
        _database.Dispose();
    }
}
