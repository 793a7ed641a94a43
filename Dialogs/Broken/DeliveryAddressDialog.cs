using IqosBot.Dialogs.Engine;
using IqosBot.Dialogs.Language;
using IqosBot.Dialogs.Prompts;
using IqosBot.Dialogs.Resources;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace IqosBot.Dialogs.Broken;

/// <summary>
/// Asks for a Swedish delivery address one part at a time — street, postcode, town — and takes every part a
/// message holds ("Storgatan 1, 111 22 Stockholm" answers all three), so only what is missing is asked.
/// Started with the first question's text; ends with the <see cref="AddressParts"/>, all three set, or with
/// <see cref="PromptAttemptsExhausted"/> after <see cref="BrokenSteps.MaxAttempts"/> unusable answers to one question.
/// </summary>
public sealed class DeliveryAddressDialog : ComponentDialog
{
    private const string StreetPromptId = "addressStreet";
    private const string PostcodePromptId = "addressPostcode";
    private const string CityPromptId = "addressCity";
    private const string PartsKey = "parts";

    public DeliveryAddressDialog()
        : base(nameof(DeliveryAddressDialog))
    {
        AddDialog(new WaterfallDialog(nameof(WaterfallDialog), [StreetStepAsync, PostcodeStepAsync, CityStepAsync, DoneStepAsync]));
        AddDialog(new TextPrompt(StreetPromptId, (prompt, _) => Task.FromResult(SwedishAddress.Read(prompt.Recognized.Value).Street is not null)));
        AddDialog(new TextPrompt(PostcodePromptId, (prompt, _) => Task.FromResult(SwedishAddress.Read(prompt.Recognized.Value).PostalCode is not null)));
        AddDialog(new TextPrompt(CityPromptId, (prompt, _) => Task.FromResult(CityIn(prompt.Recognized.Value) is not null)));
        InitialDialogId = nameof(WaterfallDialog);
    }

    private static Task<DialogTurnResult> StreetStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        step.Values[PartsKey] = new AddressParts(null, null, null);
        var language = step.Context.GetLanguage();
        return step.PromptAsync(StreetPromptId, Ask(language, (string)step.Options!, TextKey.BrokenStreetInvalid), cancellationToken);
    }

    private static async Task<DialogTurnResult> PostcodeStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (Take(step) is not { } parts)
        {
            return await step.EndDialogAsync(step.Result, cancellationToken).ConfigureAwait(false);
        }

        if (parts.PostalCode is not null)
        {
            return await step.NextAsync(null, cancellationToken).ConfigureAwait(false);
        }

        var language = step.Context.GetLanguage();
        return await step.PromptAsync(PostcodePromptId, Ask(language, Texts.Get(language, TextKey.BrokenPostcodePrompt), TextKey.BrokenPostcodeInvalid), cancellationToken).ConfigureAwait(false);
    }

    private static async Task<DialogTurnResult> CityStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (Take(step) is not { } parts)
        {
            return await step.EndDialogAsync(step.Result, cancellationToken).ConfigureAwait(false);
        }

        if (parts.City is not null)
        {
            return await step.NextAsync(null, cancellationToken).ConfigureAwait(false);
        }

        var language = step.Context.GetLanguage();
        return await step.PromptAsync(CityPromptId, Ask(language, Texts.Get(language, TextKey.BrokenCityPrompt), TextKey.BrokenCityInvalid), cancellationToken).ConfigureAwait(false);
    }

    private static async Task<DialogTurnResult> DoneStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
        => await step.EndDialogAsync(Take(step, cityAsked: true) is { } parts ? parts : step.Result, cancellationToken).ConfigureAwait(false);

    /// <summary>At the town question a plain line is the town ("Malmö"); elsewhere it would be read as a street.</summary>
    private static string? CityIn(string? answer) => SwedishAddress.Read(answer).City ?? SwedishAddress.City(answer);

    /// <summary>Adds the parts the last answer held to those already known; null when the question was given up on.</summary>
    private static AddressParts? Take(WaterfallStepContext step, bool cityAsked = false)
    {
        var known = (AddressParts)step.Values[PartsKey];
        if (step.Result is PromptAttemptsExhausted)
        {
            return null;
        }

        if (step.Result is string answer)
        {
            var heard = SwedishAddress.Read(answer);
            var city = cityAsked ? CityIn(answer) : heard.City;
            known = new AddressParts(known.Street ?? heard.Street, known.PostalCode ?? heard.PostalCode, known.City ?? city);
            step.Values[PartsKey] = known;
        }

        return known;
    }

    private static PromptOptions Ask(string language, string text, string retryKey) => new()
    {
        Prompt = (Activity)MessageFactory.Text(text),
        RetryPrompt = (Activity)MessageFactory.Text(Texts.Get(language, retryKey)),
        MaxAttempts = BrokenSteps.MaxAttempts,
    };
}
