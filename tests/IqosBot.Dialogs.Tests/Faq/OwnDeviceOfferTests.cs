using IqosBot.Dialogs.Resources;
using IqosBot.Dialogs.Tests.Harness;
using IqosBot.Dialogs.Understanding;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Connector;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace IqosBot.Dialogs.Tests.Faq;

/// <summary>
/// A question about cover that is about the customer's own device ("can I still use my accident cover?")
/// gets the general answer and, beside "did this help?", the offer to look their own device up; the lookup
/// starts with what the question already gave.
/// </summary>
public sealed class OwnDeviceOfferTests
{
    private readonly ScoredRecognizer _recognizer = new(new Dictionary<string, (string, double)[]>
    {
        ["kan jag fortfarande använda mitt olycksfallsskydd?"] = [(Intents.CarePlus, 0.9)],
        ["is my accident cover still valid for ILP1A2B3C4D5?"] = [(Intents.CarePlus, 0.9)],
        ["vad ingår i care plus"] = [(Intents.CarePlus, 0.9)],
    });

    [Fact]
    public async Task The_offer_is_beside_did_this_help_and_starts_the_lookup()
    {
        var bot = Bot();

        var answer = await bot.SendAsync("kan jag fortfarande använda mitt olycksfallsskydd?");
        var lookup = await bot.SendAsync("Kolla min enhet");

        Assert.Contains("Kolla min enhet", answer[1].SuggestedTitles());
        Assert.Equal(Texts.Get("sv", TextKey.WarSerialPrompt), lookup[0].Text);
    }

    [Fact]
    public async Task A_serial_in_the_question_is_not_asked_for_again()
    {
        var bot = Bot();

        var answer = await bot.SendAsync("is my accident cover still valid for ILP1A2B3C4D5?");
        var lookup = await bot.SendAsync("Check my device");

        Assert.Contains("Check my device", answer[1].SuggestedTitles());
        Assert.Equal(Texts.Get("en", TextKey.WarEmailPrompt), lookup[0].Text);
    }

    [Fact]
    public async Task A_general_question_gets_no_offer()
    {
        var answer = await Bot().SendAsync("vad ingår i care plus");

        Assert.DoesNotContain("Kolla min enhet", answer[1].SuggestedTitles());
    }

    private DialogTestHarness Bot()
    {
        var time = new FakeTimeProvider(TestTime.DefaultNow);
        var clock = new IqosBot.Dialogs.Support.LocalClock(time, TestSupport.Options().TimeZone);
        var services = TestDialogs.Services(time, _recognizer, new FakeBenefitsApi(clock))
            .AddSingleton<IStorage>(new MemoryStorage())
            .AddWarrantyJourney();
        return new DialogTestHarness(TestDialogs.Factory(services), language: null, Channels.Emulator);
    }
}
