using IqosBot.Dialogs;
using IqosBot.Dialogs.Benefits;
using IqosBot.Dialogs.Handoff;
using IqosBot.Dialogs.Language;
using IqosBot.Dialogs.Resources;
using IqosBot.Dialogs.Support;
using IqosBot.Dialogs.Tests.Handoff;
using IqosBot.Dialogs.Tests.Harness;
using IqosBot.Dialogs.Understanding;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Time.Testing;

namespace IqosBot.Dialogs.Tests.Broken;

/// <summary>
/// The main dialog with the broken-device journey wired as Bot/Program.cs wires it: the shared guide, a
/// <see cref="FakeClaimsApi"/>, the fake benefits API, the lookup throttle on the harness's storage and the
/// way to a person over <see cref="FakeHumanHandoff"/>. Thursday 26 November 2026, 11:00 in Stockholm:
/// customer care is open. The language is fixed per conversation. Methods return only what a customer reads.
/// </summary>
internal sealed class BrokenBot
{
    private BrokenBot(string language, bool claimsToAgents)
    {
        Language = language;
        Clock = new LocalClock(Time, Support.TimeZone);
        Api = new FakeBenefitsApi(Clock);
        var settings = new Dictionary<string, string?> { ["Claims:HandledBy"] = claimsToAgents ? "Agents" : "Api" };
        var services = TestDialogs.Services(Time, Recognizer, Api, out var configuration, settings)
            .AddSingleton(Clock)
            .AddSingleton<ILookupThrottle>(new HarnessStorageThrottle(this))
            .AddSingleton<IClaimsApi>(Claims)
            .AddSingleton<IHumanHandoff>(People)
            .AddRegistrationJourney()
            .AddWarrantyJourney()
            .AddBrokenDeviceJourney(configuration)
            .AddHandoffDialogs();
        Harness = new DialogTestHarness(TestDialogs.Factory(services), language, Channels.Emulator);
    }

    public static SupportOptions Support { get; } = TestSupport.Options();

    /// <summary>The words customers start with; the recognizer would score these Troubleshooting or DeviceReplacement.</summary>
    public ScriptedRecognizer Recognizer { get; } = new(new Dictionary<string, string>
    {
        ["den är trasig"] = Intents.Troubleshooting,
        ["it's broken"] = Intents.Troubleshooting,
        ["min iqos är trasig"] = Intents.DeviceReplacement,
        ["my iqos is broken"] = Intents.DeviceReplacement,
        ["min iluma blinkar rött"] = Intents.Troubleshooting,
        ["my iluma blinks red"] = Intents.Troubleshooting,
        ["jag är i spanien och min iluma blinkar rött"] = Intents.Troubleshooting,
        ["i'm in spain on holiday and my iluma blinks red"] = Intents.Troubleshooting,
        ["jag tappade den"] = Intents.DeviceReplacement,
        ["i dropped it"] = Intents.DeviceReplacement,
        ["den blev blöt"] = Intents.DeviceReplacement,
        ["it got wet"] = Intents.DeviceReplacement,
        ["min iluma blinkar rött, har redan startat om den flera gånger"] = Intents.Troubleshooting,
        ["my iluma blinks red, i've already reset it twice"] = Intents.Troubleshooting,
        ["min iluma blinkar rött, jag har inte återställt den"] = Intents.Troubleshooting,
        ["my iluma blinks red and i haven't reset it yet"] = Intents.Troubleshooting,
        ["iluma laddar inte. har testat en annan sladd och blåst i porten"] = Intents.Troubleshooting,
        ["iluma won't charge. tried another cable and blew into the port"] = Intents.Troubleshooting,
        ["iluma blinkar rött. ingen magnet i närheten och jag har återställt den"] = Intents.Troubleshooting,
        ["iluma blinks red. no magnets around and i've reset it already"] = Intents.Troubleshooting,
        ["min iluma värmer inte"] = Intents.Troubleshooting,
        ["my iluma won't heat"] = Intents.Troubleshooting,
        ["hur fungerar ersättning?"] = Intents.DeviceReplacement,
        ["how does replacement work?"] = Intents.DeviceReplacement,
    });

    public string Language { get; }

    public FakeTimeProvider Time { get; } = new(TestTime.DefaultNow);

    public LocalClock Clock { get; }

    public FakeBenefitsApi Api { get; }

    public FakeClaimsApi Claims { get; } = new();

    public FakeHumanHandoff People { get; } = new();

    public DialogTestHarness Harness { get; }

    public static BrokenBot Build(string language = CustomerLanguage.Swedish, bool claimsToAgents = false) => new(language, claimsToAgents);

    public string T(string key) => Texts.Get(Language, key);

    public string F(string key, params object[] args) => Texts.Format(Language, key, args);

    public async Task<IReadOnlyList<Activity>> SayAsync(string text) => (await Harness.SendAsync(text)).Messages();

    /// <summary>Sends the answers in turn and returns the replies to the last of them.</summary>
    public async Task<IReadOnlyList<Activity>> AnswerAllAsync(params string[] answers)
    {
        IReadOnlyList<Activity> replies = [];
        foreach (var answer in answers)
        {
            replies = await SayAsync(answer);
        }

        return replies;
    }

    /// <summary>StorageLookupThrottle over the harness's storage, which exists only once the harness does.</summary>
    private sealed class HarnessStorageThrottle(BrokenBot bot) : ILookupThrottle
    {
        public Task<bool> TryAcquireAsync(ITurnContext turnContext, CancellationToken cancellationToken)
            => new StorageLookupThrottle(bot.Harness.Storage, bot.Time).TryAcquireAsync(turnContext, cancellationToken);
    }
}
