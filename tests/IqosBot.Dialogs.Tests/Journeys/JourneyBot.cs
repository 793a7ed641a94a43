using IqosBot.Dialogs;
using IqosBot.Dialogs.Benefits;
using IqosBot.Dialogs.Language;
using IqosBot.Dialogs.Resources;
using IqosBot.Dialogs.Support;
using IqosBot.Dialogs.Tests.Harness;
using IqosBot.Dialogs.Understanding;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Time.Testing;
using IqosBot.Dialogs.Common;

namespace IqosBot.Dialogs.Tests.Journeys;

/// <summary>
/// The main dialog with both journeys, wired as Bot/Program.cs wires them, over a fake benefits API, a
/// clock fixed at Thursday 26 November 2026 and the lookup throttle on the harness's storage. The
/// language is chosen per message as the bot does. Methods return only the messages a customer reads.
/// </summary>
internal sealed class JourneyBot
{
    public const string FaqQuestion = "hur länge gäller garantin egentligen";

    private JourneyBot(string channelId)
    {
        Clock = new LocalClock(Time, Support.TimeZone);
        Api = new FakeBenefitsApi(Clock);

        // A new set of dialog objects on every Restart, as a new process builds them; the API and clock live on.
        var services = TestDialogs.Services(Time, Recognizer, Api)
            .AddSingleton(Clock)
            .AddSingleton<ILookupThrottle>(new HarnessStorageThrottle(this))
            .AddRegistrationJourney()
            .AddWarrantyJourney();
        Harness = new DialogTestHarness(TestDialogs.Factory(services), language: null, channelId);
    }

    public static SupportOptions Support { get; } = TestSupport.Options();

    /// <summary>
    /// Stands in for the recognizer: the journeys by name, and one FAQ question asked mid-flow. The journey
    /// phrases are also fixed phrases in MainMenu, which wins before any recognizer; they are here as well so
    /// the tests still start the journeys if that list changes.
    /// </summary>
    public ScoredRecognizer Recognizer { get; } = new(new Dictionary<string, (string, double)[]>
    {
        ["registrera min enhet"] = [(Intents.RegisterDevice, 0.9)],
        ["register my device"] = [(Intents.RegisterDevice, 0.9)],
        ["kolla garantin"] = [(Intents.WarrantyStatus, 0.9)],
        ["check my warranty"] = [(Intents.WarrantyStatus, 0.9)],
        [FaqQuestion] = [(Intents.WarrantyInfo, 0.9)],
    });

    public FakeTimeProvider Time { get; } = new(TestTime.DefaultNow);

    public LocalClock Clock { get; }

    public FakeBenefitsApi Api { get; }

    public DialogTestHarness Harness { get; }

    /// <summary>The Emulator shows Adaptive Cards and suggested actions, as Web Chat does.</summary>
    public static JourneyBot Build(string channelId = Channels.Emulator) => new(channelId);

    public static string Sv(string key) => Texts.Get(CustomerLanguage.Swedish, key);

    public static string En(string key) => Texts.Get(CustomerLanguage.English, key);

    public async Task<IReadOnlyList<Activity>> SayAsync(string text) => (await Harness.SendAsync(text)).Messages();

    /// <summary>Presses an Adaptive Card button, e.g. <c>new { action = "confirm" }</c>.</summary>
    public async Task<IReadOnlyList<Activity>> PressAsync(string action) => (await Harness.SubmitAsync(new { action })).Messages();

    /// <summary>Answers every question up to the summary card and returns the card's reply.</summary>
    public async Task<Activity> FillRegistrationAsync(
        string serial = FakeBenefitsApi.UnregisteredPrime,
        string date = "igår",
        string email = "anna.svensson@example.com",
        string age = "ja",
        string consent = "nej",
        string start = "registrera min enhet")
    {
        return await AnswerAllAsync(start, serial, date, email, age, consent);
    }

    /// <summary>Sends the answers in turn and returns the one reply to the last of them.</summary>
    public async Task<Activity> AnswerAllAsync(params string[] answers)
    {
        IReadOnlyList<Activity> replies = [];
        foreach (var answer in answers)
        {
            replies = await SayAsync(answer);
        }

        return Assert.Single(replies);
    }

    /// <summary>Everything the bot has stored, as JSON.</summary>
    public string StoredJson() => StorageContents.Json(Harness.Storage);

    /// <summary>StorageLookupThrottle over the harness's storage, which exists only once the harness does.</summary>
    private sealed class HarnessStorageThrottle(JourneyBot bot) : ILookupThrottle
    {
        public Task<bool> TryAcquireAsync(ITurnContext turnContext, CancellationToken cancellationToken)
            => new StorageLookupThrottle(bot.Harness.Storage, bot.Time).TryAcquireAsync(turnContext, cancellationToken);
    }
}
