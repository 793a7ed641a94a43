using IqosBot.Bot.Tests.Hosting;
using IqosBot.Dialogs.Choices;
using IqosBot.Dialogs.Common;
using IqosBot.Dialogs.Engine;
using IqosBot.Dialogs.Language;
using IqosBot.Dialogs.Prompts;
using IqosBot.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;

namespace IqosBot.Bot.Tests.Dialogs;

/// <summary>
/// A process stops in the middle of a dialog and a new one starts on the same SQLite file: with a new
/// storage, state, dialog set and dialog objects, the customer's next answer lands on the same step.
/// </summary>
public sealed class DialogStackPersistenceTests : IDisposable
{
    private static readonly ConversationReference Conversation = new()
    {
        ChannelId = "test",
        ServiceUrl = "https://test.invalid",
        Conversation = new ConversationAccount { Id = "conv-persist" },
        User = new ChannelAccount("user-1", "Kund"),
        Bot = new ChannelAccount("bot", "IqosBot"),
    };

    private readonly TempDatabase _database = new();

    [Fact]
    public async Task A_new_process_continues_the_waterfall_at_the_step_where_the_customer_was()
    {
        // Process 1: the customer answers the first two questions, then the bot stops.
        using (var firstRun = new SqliteStorage(new SqliteStorageOptions { Path = _database.Path }))
        {
            await new TestFlow(Adapter(), Turn(firstRun))
                .Send("hej")
                .AssertReply("Vad heter du?")
                .Send("Anna")
                .AssertReply("Vilken modell har du?\n1. ILUMA\n2. ILUMA ONE\n3. ILUMA PRIME")
                .Send("2")
                .AssertReply("Vill du få nyheter?\n1. Ja\n2. Nej")
                .StartTestAsync();
        }

        // Process 2: everything is new except the file.
        using var secondRun = new SqliteStorage(new SqliteStorageOptions { Path = _database.Path });
        await new TestFlow(Adapter(), Turn(secondRun))
            .Send("japp")
            .AssertReply("Anna, ILUMA ONE, nyheter: True")
            .StartTestAsync();
    }

    [Fact]
    public async Task A_retry_counter_survives_the_restart()
    {
        using (var firstRun = new SqliteStorage(new SqliteStorageOptions { Path = _database.Path }))
        {
            await new TestFlow(Adapter(), Turn(firstRun))
                .Send("hej")
                .AssertReply("Vad heter du?")
                .Send("Anna")
                .AssertReply(_ => { })
                .Send("något helt annat")
                .AssertReply(reply => Assert.StartsWith("Välj en modell", reply.AsMessageActivity().Text, StringComparison.Ordinal))
                .StartTestAsync();
        }

        // The model prompt allows two attempts; the first failed before the restart, so this one ends it.
        using var secondRun = new SqliteStorage(new SqliteStorageOptions { Path = _database.Path });
        await new TestFlow(Adapter(), Turn(secondRun))
            .Send("vet inte")
            .AssertReply("Du kan alltid prata med en person.")
            .StartTestAsync();
    }

    private static TestAdapter Adapter() => new(Conversation);

    /// <summary>One turn the way the bot runs it: language, dialog, save.</summary>
    private static BotCallbackHandler Turn(IStorage storage)
    {
        var conversationState = new ConversationState(storage);
        var dialogState = conversationState.CreateProperty<DialogState>(nameof(DialogState));
        var dialog = new SurveyDialog();
        return async (turnContext, cancellationToken) =>
        {
            turnContext.SetLanguage(CustomerLanguage.Swedish);

            // The bot's prompt style, as the main dialog puts it in every turn: Swedish texts, options per channel.
            PromptStyle.Use(turnContext, ChannelPromptStyle.Instance);
            await dialog.RunAsync(turnContext, dialogState, cancellationToken);
            await conversationState.SaveChangesAsync(turnContext, false, cancellationToken);
        };
    }

    public void Dispose() => _database.Dispose();

    /// <summary>Three prompts of different kinds, so each one's stored options must survive the JSON round trip.</summary>
    private sealed class SurveyDialog : ComponentDialog
    {
        private static readonly List<Choice> Models = [new("ILUMA"), new("ILUMA ONE"), new("ILUMA PRIME")];

        public SurveyDialog()
            : base(nameof(SurveyDialog))
        {
            AddDialog(new WaterfallDialog("survey", [AskNameAsync, AskModelAsync, AskNewsAsync, SummaryAsync]));
            AddDialog(new TextPrompt(nameof(TextPrompt)));
            AddDialog(new ChoicePrompt(nameof(ChoicePrompt)));
            AddDialog(new ConfirmPrompt(nameof(ConfirmPrompt)));
        }

        private static Task<DialogTurnResult> AskNameAsync(WaterfallStepContext step, CancellationToken ct)
            => step.PromptAsync(nameof(TextPrompt), new PromptOptions { Prompt = (Activity)MessageFactory.Text("Vad heter du?") }, ct);

        private static Task<DialogTurnResult> AskModelAsync(WaterfallStepContext step, CancellationToken ct)
        {
            step.Values["name"] = (string)step.Result!;
            return step.PromptAsync(nameof(ChoicePrompt), new PromptOptions
            {
                Prompt = (Activity)MessageFactory.Text("Vilken modell har du?"),
                RetryPrompt = (Activity)MessageFactory.Text("Välj en modell i listan."),
                Choices = Models,
                MaxAttempts = 2,
            }, ct);
        }

        private static async Task<DialogTurnResult> AskNewsAsync(WaterfallStepContext step, CancellationToken ct)
        {
            if (step.Result is PromptAttemptsExhausted)
            {
                await step.Context.SendActivityAsync("Du kan alltid prata med en person.", cancellationToken: ct);
                return await step.EndDialogAsync(null, ct);
            }

            step.Values["model"] = ((FoundChoice)step.Result!).Value;
            return await step.PromptAsync(nameof(ConfirmPrompt), new PromptOptions { Prompt = (Activity)MessageFactory.Text("Vill du få nyheter?") }, ct);
        }

        private static async Task<DialogTurnResult> SummaryAsync(WaterfallStepContext step, CancellationToken ct)
        {
            await step.Context.SendActivityAsync($"{step.Values["name"]}, {step.Values["model"]}, nyheter: {step.Result}", cancellationToken: ct);
            return await step.EndDialogAsync(null, ct);
        }
    }
}
