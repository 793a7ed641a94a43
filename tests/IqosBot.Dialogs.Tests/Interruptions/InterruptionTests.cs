using IqosBot.Dialogs.Engine;
using IqosBot.Dialogs.Interruptions;
using IqosBot.Dialogs.Language;
using IqosBot.Dialogs.Listening;
using IqosBot.Dialogs.Prompts;
using IqosBot.Dialogs.Support;
using IqosBot.Dialogs.Tests.Harness;
using IqosBot.Dialogs.Understanding;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using IqosBot.Dialogs.Common;

namespace IqosBot.Dialogs.Tests.Interruptions;

/// <summary>Help, cancel and "a person please" in the middle of a journey, in Swedish and English.</summary>
public sealed class InterruptionTests
{
    private const string SvName = "Vad heter du?";
    private const string SvSerial = "Vilket serienummer har din enhet?";
    private const string EnName = "What's your name?";
    private const string EnSerial = "What's your device's serial number?";

    [Fact]
    public async Task Hjalp_explains_and_asks_the_same_question_again()
    {
        var harness = Journey(CustomerLanguage.Swedish);
        await harness.SendAsync("hej");
        await harness.SendAsync("Anna");

        var replies = await harness.SendAsync("hjälp");

        Assert.Equal(
            ["Svara på frågan ovan så går vi vidare. Skriv \"avbryt\" om du vill avbryta, eller \"person\" om du vill prata med någon.", SvSerial],
            replies.Texts());
    }

    [Fact]
    public async Task Help_in_english_explains_in_english_and_the_answers_keep_working()
    {
        var harness = Journey(CustomerLanguage.English);
        await harness.SendAsync("hello");

        Assert.Equal(
            ["Just answer the question above and we'll carry on. Type \"cancel\" to stop, or \"person\" to talk to someone.", EnName],
            (await harness.SendAsync("help")).Texts());
        Assert.Equal([EnSerial], (await harness.SendAsync("Anna")).Texts());
        Assert.Equal(["Journey done: Anna / ABC123"], (await harness.SendAsync("ABC123")).Texts());
    }

    [Theory]
    [InlineData(CustomerLanguage.Swedish, "avbryt", "Okej, då avbryter vi.")]
    [InlineData(CustomerLanguage.English, "cancel", "OK, I've cancelled that.")]
    public async Task Cancel_ends_the_journey_and_the_parent_carries_on(string language, string cancel, string cancelled)
    {
        var harness = Journey(language);
        await harness.SendAsync("hej");
        await harness.SendAsync("Anna");

        var replies = await harness.SendAsync(cancel);

        // The journey ends with the request to leave; the main dialog says "cancelled" (see the listening table).
        Assert.Equal(["Journey done: left (Cancel)"], replies.Texts());
        Assert.DoesNotContain(cancelled, replies.Texts());
        Assert.Equal(DialogTurnStatus.Complete, harness.LastResult!.Status);
        Assert.Empty(await harness.SavedStackAsync());
    }

    [Fact]
    public async Task After_cancelling_the_next_message_starts_the_journey_afresh()
    {
        var harness = Journey(CustomerLanguage.Swedish);
        await harness.SendAsync("hej");
        await harness.SendAsync("Anna");
        await harness.SendAsync("avbryt");

        Assert.Equal([SvName], (await harness.SendAsync("hej igen")).Texts());
        Assert.Equal([SvSerial], (await harness.SendAsync("Bo")).Texts());
        Assert.Equal(["Journey done: Bo / X1"], (await harness.SendAsync("X1")).Texts());
    }

    [Theory]
    [InlineData(CustomerLanguage.Swedish, "hej", "jag vill prata med en människa")]
    [InlineData(CustomerLanguage.English, "hello", "can I talk to a human")]
    public async Task Asking_for_a_person_ends_the_journey_and_hands_the_request_to_the_parent(string language, string first, string person)
    {
        var harness = Journey(language);
        await harness.SendAsync(first);
        await harness.SendAsync("Anna");

        var replies = await harness.SendAsync(person);

        // The main dialog routes this request to a person; the journey asks nothing more.
        Assert.Equal(["Journey done: route to HumanAgent"], replies.Texts());
        Assert.Equal(new RouteRequest(Intents.HumanAgent, null), harness.LastResult!.Result);
        Assert.Empty(await harness.SavedStackAsync());
    }

    [Theory]
    [InlineData("hjälp", Interruption.Help)]
    [InlineData("Hjalp!", Interruption.Help)]
    [InlineData("?", Interruption.Help)]
    [InlineData("help me", Interruption.Help)]
    [InlineData("Avbryt", Interruption.Cancel)]
    [InlineData("glöm det", Interruption.Cancel)]
    [InlineData("never mind", Interruption.Cancel)]
    [InlineData("jag vill prata med en människa", Interruption.HumanAgent)]
    [InlineData("kan jag få prata med någon på kundtjänst", Interruption.HumanAgent)]
    [InlineData("koppla mig till en handläggare", Interruption.HumanAgent)]
    [InlineData("can I talk to a human", Interruption.HumanAgent)]
    [InlineData("connect me to an agent", Interruption.HumanAgent)]
    [InlineData("person", Interruption.HumanAgent)]
    [InlineData("Anna", Interruption.None)]
    [InlineData("min laddare hjälper inte", Interruption.None)]
    [InlineData("I need help with my charger", Interruption.None)]
    [InlineData("", Interruption.None)]
    public void The_detector_tells_interruptions_from_answers(string text, Interruption expected)
        => Assert.Equal(expected, InterruptionDetector.Detect(text));

    /// <summary>A root that listens as the main dialog does, runs <see cref="NameAndSerialJourney"/> and says how it ended.</summary>
    private static DialogTestHarness Journey(string language)
        => new(() => new ListeningRoot()
            .AddDialog(new WaterfallDialog("rootSteps",
            [
                (step, ct) => step.BeginDialogAsync(nameof(NameAndSerialJourney), null, ct),
                async (step, ct) =>
                {
                    var result = step.Result is DialogInterruption interruption ? interruption.Request : step.Result;
                    var said = result switch
                    {
                        Leaving leaving => $"left ({leaving.Kind})",
                        RouteRequest request => $"route to {request.Intent}",
                        _ => result,
                    };
                    await step.Context.SendActivityAsync($"Journey done: {said}", cancellationToken: ct);
                    return await step.EndDialogAsync(result, ct);
                },
            ]) { HandlesInterruptions = true })
            .AddDialog(new NameAndSerialJourney(FixedOptions.Of(TestSupport.Options()))), language);

    /// <summary>Puts the product's listening policy in the turn, as the main dialog does.</summary>
    private sealed class ListeningRoot() : ComponentDialog("root")
    {
        private static readonly IPromptPolicy Policy = new ListeningPolicy(
            new ScriptedRecognizer(new Dictionary<string, string>()),
            new IqosBot.Dialogs.Faq.FaqKnowledge(TestSupport.Options(), TestSupport.Policy()),
            FixedOptions.Of(TestSupport.Options()));

        public override Task<DialogTurnResult> ContinueDialogAsync(DialogContext outerDc, CancellationToken cancellationToken = default)
        {
            PromptPolicy.Use(outerDc.Context, Policy);
            return base.ContinueDialogAsync(outerDc, cancellationToken);
        }
    }

    /// <summary>Two text questions, in the customer's language.</summary>
    private sealed class NameAndSerialJourney : InterruptibleDialog
    {
        public NameAndSerialJourney(Microsoft.Extensions.Options.IOptionsMonitor<SupportOptions> support)
            : base(nameof(NameAndSerialJourney), support)
        {
            InitialDialogId = "steps";
            AddDialog(new WaterfallDialog("steps", [AskNameAsync, AskSerialAsync, DoneAsync]));
            AddDialog(new TextPrompt("text"));
        }

        public override bool Serves(string intent) => false;

        private static Task<DialogTurnResult> AskNameAsync(WaterfallStepContext step, CancellationToken ct)
            => Ask(step, SvName, EnName, ct);

        private static Task<DialogTurnResult> AskSerialAsync(WaterfallStepContext step, CancellationToken ct)
        {
            step.Values["name"] = step.Result!;
            return Ask(step, SvSerial, EnSerial, ct);
        }

        private static Task<DialogTurnResult> DoneAsync(WaterfallStepContext step, CancellationToken ct)
            => step.EndDialogAsync($"{step.Values["name"]} / {step.Result}", ct);

        private static Task<DialogTurnResult> Ask(WaterfallStepContext step, string swedish, string english, CancellationToken ct)
        {
            var text = step.Context.GetLanguage() == CustomerLanguage.English ? english : swedish;
            return step.PromptAsync("text", new PromptOptions { Prompt = (Activity)MessageFactory.Text(text) }, ct);
        }
    }
}
