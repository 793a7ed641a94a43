using IqosBot.Dialogs.Broken;
using IqosBot.Dialogs.Resources;
using IqosBot.Dialogs.Tests.Harness;
using IqosBot.Dialogs.Understanding;

namespace IqosBot.Dialogs.Tests.Broken;

/// <summary>
/// What the customer says they already tried is not suggested again: said in the first message, said while
/// answering "did that help?", or all of it (then straight to the claim). Both languages.
/// </summary>
public sealed class AlreadyTriedStepsTests
{
    private static TroubleshootingStep Step(string language, string symptom, string kind)
        => TroubleshootingGuide.Shared.StepsWithKinds(language, symptom, Families.Iluma).Single(step => step.Kind == kind);

    private static string StepText(string language, int number, int of, TroubleshootingStep step)
        => language == "sv" ? $"Vi provar det här (steg {number} av {of}): {step.Text}" : $"Let's try this (step {number} of {of}): {step.Text}";

    [Theory]
    [InlineData("sv", "min iluma blinkar rött, har redan startat om den flera gånger")]
    [InlineData("en", "my iluma blinks red, i've already reset it twice")]
    public async Task A_reset_said_in_the_first_message_is_not_suggested(string language, string start)
    {
        var bot = BrokenBot.Build(language);

        var replies = await bot.SayAsync(start);

        Assert.Equal(
            [bot.T(TextKey.BrokenIntro), bot.T(TextKey.BrokenSkippingTried), StepText(language, 1, 1, Step(language, Symptoms.RedLight, StepKinds.Magnet)), bot.T(TextKey.BrokenDidThatHelp)],
            replies.Texts());

        // The magnet was the last thing left: a "no" goes to the claim, and the reset is never shown.
        var claim = await bot.SayAsync(language == "sv" ? "Nej" : "No");
        Assert.Equal([bot.T(TextKey.BrokenNotSolved), bot.T(TextKey.BrokenClaimSerialPrompt)], claim.Texts());
        Assert.DoesNotContain(replies.Concat(claim), reply => reply.Text?.Contains(Step(language, Symptoms.RedLight, StepKinds.Reset).Text, StringComparison.Ordinal) == true);
    }

    [Theory]
    [InlineData("sv", "min iluma blinkar rött, jag har inte återställt den")]
    [InlineData("en", "my iluma blinks red and i haven't reset it yet")]
    public async Task A_step_said_as_not_done_is_still_suggested(string language, string start)
    {
        var bot = BrokenBot.Build(language);

        var replies = await bot.SayAsync(start);

        Assert.Equal(
            [bot.T(TextKey.BrokenIntro), StepText(language, 1, 2, Step(language, Symptoms.RedLight, StepKinds.Magnet)), bot.T(TextKey.BrokenDidThatHelp)],
            replies.Texts());
    }

    [Theory]
    [InlineData("sv", "iluma laddar inte. har testat en annan sladd och blåst i porten")]
    [InlineData("en", "iluma won't charge. tried another cable and blew into the port")]
    public async Task Two_things_tried_leave_the_other_two_steps_numbered_from_one(string language, string start)
    {
        var bot = BrokenBot.Build(language);

        var replies = await bot.SayAsync(start);

        Assert.Equal(
            [bot.T(TextKey.BrokenIntro), bot.T(TextKey.BrokenSkippingTried), StepText(language, 1, 2, Step(language, Symptoms.NotCharging, StepKinds.Wait)), bot.T(TextKey.BrokenDidThatHelp)],
            replies.Texts());

        var next = await bot.SayAsync(language == "sv" ? "nej" : "no");
        Assert.Equal([StepText(language, 2, 2, Step(language, Symptoms.NotCharging, StepKinds.Reset)), bot.T(TextKey.BrokenDidThatHelp)], next.Texts());
    }

    [Theory]
    [InlineData("sv", "iluma blinkar rött. ingen magnet i närheten och jag har återställt den")]
    [InlineData("en", "iluma blinks red. no magnets around and i've reset it already")]
    public async Task Everything_already_tried_goes_straight_to_the_claim_and_says_why(string language, string start)
    {
        var bot = BrokenBot.Build(language);

        var replies = await bot.SayAsync(start);

        Assert.Equal([bot.T(TextKey.BrokenIntro), bot.T(TextKey.BrokenAllTried), bot.T(TextKey.BrokenClaimSerialPrompt)], replies.Texts());
        Assert.Empty(bot.Claims.Creates);
    }

    [Theory]
    [InlineData("sv", "har redan gjort det")]
    [InlineData("sv", "provat det redan, ingen skillnad")]
    [InlineData("en", "already did that")]
    [InlineData("en", "tried that already, no change")]
    public async Task Already_tried_as_the_answer_to_did_that_help_moves_on_to_the_next_step(string language, string answer)
    {
        var bot = BrokenBot.Build(language);
        await bot.SayAsync(language == "sv" ? "min iluma värmer inte" : "my iluma won't heat");

        var next = await bot.SayAsync(answer);

        Assert.Equal([StepText(language, 2, 3, Step(language, Symptoms.NotHeating, StepKinds.Charge)), bot.T(TextKey.BrokenDidThatHelp)], next.Texts());
    }

    [Theory]
    [InlineData("sv", "nej, och jag har redan laddat den hela natten")]
    [InlineData("en", "no, and I've charged it all night already")]
    public async Task A_no_that_names_another_step_tried_skips_that_one_too(string language, string answer)
    {
        var bot = BrokenBot.Build(language);
        var first = await bot.SayAsync(language == "sv" ? "min iluma värmer inte" : "my iluma won't heat");
        Assert.Equal(StepText(language, 1, 3, Step(language, Symptoms.NotHeating, StepKinds.Sticks)), first[1].Text);

        var next = await bot.SayAsync(answer);

        Assert.Equal(
            [bot.T(TextKey.BrokenSkippingTried), StepText(language, 2, 2, Step(language, Symptoms.NotHeating, StepKinds.Reset)), bot.T(TextKey.BrokenDidThatHelp)],
            next.Texts());
    }
}
