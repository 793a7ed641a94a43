using IqosBot.Dialogs;
using IqosBot.Dialogs.Benefits;
using IqosBot.Dialogs.Handoff;
using IqosBot.Dialogs.Support;
using IqosBot.Dialogs.Tests.Broken;
using IqosBot.Dialogs.Tests.Handoff;
using IqosBot.Dialogs.Tests.Harness;
using IqosBot.Recognition;
using IqosBot.Recognition.Embedded;
using IqosBot.Recognition.Training;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Connector;
using Microsoft.Extensions.Time.Testing;

namespace IqosBot.Dialogs.Tests.Listening;

/// <summary>
/// The whole bot's dialogs as Bot/Program.cs wires them, on the real embedded recognizer (trained once from
/// knowledge/utterances, as at start-up), the fake benefits and claims APIs with the demo devices, and a
/// person over <see cref="FakeHumanHandoff"/>. The language is chosen per message as the bot chooses it.
/// </summary>
internal sealed class ListeningBot
{
    /// <summary>Wednesday 25 November 2026, 10:00 in Stockholm: customer care is open.</summary>
    public static readonly DateTimeOffset OpenNow = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Wednesday 25 November 2026, 20:00 in Stockholm: closed until tomorrow at 08.00.</summary>
    public static readonly DateTimeOffset ClosedNow = new(2026, 11, 25, 19, 0, 0, TimeSpan.Zero);

    private static readonly Lazy<EmbeddedRecognizer> Trained = new(() => EmbeddedRecognizer.Train(UtteranceCorpus.LoadEmbedded().Train, new RecognizerSettings()));

    public ListeningBot(bool open, string channelId = Channels.Webchat)
    {
        Time = new FakeTimeProvider(open ? OpenNow : ClosedNow);
        var clock = new LocalClock(Time, TestSupport.Options().TimeZone);
        Api = new FakeBenefitsApi(clock);
        var services = TestDialogs.Services(Time, Trained.Value, Api, out var configuration)
            .AddSingleton(clock)
            .AddSingleton<IStorage>(new MemoryStorage())
            .AddSingleton<IClaimsApi>(Claims)
            .AddSingleton<IHumanHandoff>(People)
            .AddRegistrationJourney()
            .AddWarrantyJourney()
            .AddBrokenDeviceJourney(configuration)
            .AddHandoffDialogs();
        Harness = new DialogTestHarness(TestDialogs.Factory(services), language: null, channelId);
    }

    public FakeTimeProvider Time { get; }

    public FakeBenefitsApi Api { get; }

    /// <summary>The claims API decides as the sandbox would for the demo devices.</summary>
    public FakeClaimsApi Claims { get; } = new FakeClaimsApi()
        .Decide(FakeBenefitsApi.RegisteredIluma, ClaimDecision.Eligible, "IQOS ILUMA")
        .Decide(FakeBenefitsApi.ClaimUsedPrime, ClaimDecision.AccidentalClaimUsed, "IQOS ILUMA PRIME")
        .Decide(FakeBenefitsApi.ExpiredDuo, ClaimDecision.WarrantyExpired, "IQOS 3 DUO")
        .Decide(FakeBenefitsApi.UnregisteredPrime, ClaimDecision.NotRegistered, "IQOS ILUMA PRIME")
        .Decide(FakeBenefitsApi.UnregisteredOne, ClaimDecision.NotRegistered, "IQOS ILUMA ONE")
        .Decide(FakeBenefitsApi.UnregisteredDuo, ClaimDecision.NotRegistered, "IQOS 3 DUO");

    public FakeHumanHandoff People { get; } = new();

    public DialogTestHarness Harness { get; }
}
