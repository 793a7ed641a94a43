using IqosBot.Dialogs;
using IqosBot.Dialogs.Benefits;
using IqosBot.Dialogs.Handoff;
using IqosBot.Dialogs.Language;
using IqosBot.Dialogs.Main;
using IqosBot.Dialogs.Resources;
using IqosBot.Dialogs.Support;
using IqosBot.Dialogs.Tests.Harness;
using IqosBot.Dialogs.Understanding;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Time.Testing;

namespace IqosBot.Dialogs.Tests.Handoff;

/// <summary>
/// The main dialog wired as Bot/Program.cs wires it, with the way to a person over <see cref="FakeHumanHandoff"/>,
/// customer care's seed hours (Mon–Fri 08–19, Sat–Sun 10–18, Stockholm) and a clock standing at a known instant.
/// Methods return only the messages a customer reads.
/// </summary>
internal sealed class HandoffBot
{
    /// <summary>Wednesday 25 November 2026, 10:00 in Stockholm: customer care is open.</summary>
    public static readonly DateTimeOffset OpenNow = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Wednesday 25 November 2026, 20:00 in Stockholm: closed until tomorrow at 08.00.</summary>
    public static readonly DateTimeOffset ClosedNow = new(2026, 11, 25, 19, 0, 0, TimeSpan.Zero);

    public const string CarePlusQuestion = "vad ingår i care plus";
    public const string CarePlusQuestionEn = "what does care plus include";
    public const string TroubleQuestion = "min iqos laddar inte";
    public const string HumanIntentUtterance = "kan någon riktig hjälpa mig";

    private HandoffBot(DateTimeOffset now, string? language, object? startOptions)
    {
        Time = new FakeTimeProvider(now);
        Clock = new LocalClock(Time, Support.TimeZone);
        Api = new FakeBenefitsApi(Clock);
        var services = TestDialogs.Services(Time, Recognizer, Api)
            .AddSingleton(Clock)
            .AddSingleton<ILookupThrottle>(new NoThrottle())
            .AddSingleton<IHumanHandoff>(People)
            .AddRegistrationJourney()
            .AddWarrantyJourney()
            .AddHandoffDialogs();
        var main = TestDialogs.Factory(services);
        Harness = new DialogTestHarness(() => startOptions is null ? main() : new Launcher(main(), startOptions), language, Channels.Emulator);
    }

    public static SupportOptions Support { get; } = TestSupport.Options();

    public ScoredRecognizer Recognizer { get; } = new(new Dictionary<string, (string, double)[]>
    {
        [CarePlusQuestion] = [(Intents.CarePlus, 0.93)],
        [CarePlusQuestionEn] = [(Intents.CarePlus, 0.93)],
        [TroubleQuestion] = [(Intents.Troubleshooting, 0.92)],
        [HumanIntentUtterance] = [(Intents.HumanAgent, 0.91)],
        ["hej"] = [(Intents.Greeting, 0.95)],
        ["hello"] = [(Intents.Greeting, 0.95)],
    });

    public FakeTimeProvider Time { get; }

    public LocalClock Clock { get; }

    public FakeBenefitsApi Api { get; }

    public FakeHumanHandoff People { get; } = new();

    public DialogTestHarness Harness { get; }

    /// <param name="language">Fixed for every turn; null chooses it per message as the bot does.</param>
    public static HandoffBot Open(string? language = CustomerLanguage.Swedish) => new(OpenNow, language, null);

    public static HandoffBot Closed(string? language = CustomerLanguage.Swedish) => new(ClosedNow, language, null);

    /// <summary>The main dialog as the bot starts it after an agent closed case <see cref="FakeHumanHandoff.CaseId"/>.</summary>
    public static HandoffBot AfterAgentClosed(string language = CustomerLanguage.Swedish)
        => new(OpenNow, language, new MainDialogOptions { RateCaseId = FakeHumanHandoff.CaseId });

    public static string Sv(string key) => Texts.Get(CustomerLanguage.Swedish, key);

    public static string En(string key) => Texts.Get(CustomerLanguage.English, key);

    public async Task<IReadOnlyList<Activity>> SayAsync(string text) => (await Harness.SendAsync(text)).Messages();

    /// <summary>Everything the bot has stored, as JSON.</summary>
    public string StoredJson() => StorageContents.Json(Harness.Storage);

    private sealed class NoThrottle : ILookupThrottle
    {
        public Task<bool> TryAcquireAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Task.FromResult(true);
    }
}
