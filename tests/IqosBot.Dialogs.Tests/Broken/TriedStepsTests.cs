using IqosBot.Dialogs.Understanding;

namespace IqosBot.Dialogs.Tests.Broken;

public sealed class TriedStepsTests
{
    [Theory]
    [InlineData("har redan startat om den", StepKinds.Reset)]
    [InlineData("jag har aterstallt den 3 ggr", StepKinds.Reset)]
    [InlineData("resetat den typ fem gånger asså", StepKinds.Reset)]
    [InlineData("I've reset it already", StepKinds.Reset)]
    [InlineData("tried resetting, nothing", StepKinds.Reset)]
    [InlineData("restarted it twice", StepKinds.Reset)]
    [InlineData("den har laddat hela natten", StepKinds.Charge)]
    [InlineData("it's fully charged", StepKinds.Charge)]
    [InlineData("bytt sladd redan", StepKinds.Cable)]
    [InlineData("tried a different charger", StepKinds.Cable)]
    [InlineData("har blåst i porten", StepKinds.Port)]
    [InlineData("cleaned the charging port", StepKinds.Port)]
    [InlineData("jag använder terea", StepKinds.Sticks)]
    [InlineData("tried other sticks", StepKinds.Sticks)]
    [InlineData("har värmt den i handen", StepKinds.WarmUp)]
    [InlineData("warmed it up in my hands", StepKinds.WarmUp)]
    [InlineData("den är inte kall", StepKinds.Temperature)]
    [InlineData("it's at room temperature", StepKinds.Temperature)]
    [InlineData("ingen magnet i närheten", StepKinds.Magnet)]
    public void Reads_what_was_done(string text, string kind)
        => Assert.Equal([kind], TriedSteps.Read(text));

    [Fact]
    public void Reads_two_things_in_one_message()
    {
        Assert.Equal([StepKinds.Charge, StepKinds.Reset], TriedSteps.Read("laddat den och startat om, blinkar fortfarande").Order(StringComparer.Ordinal));
        Assert.Equal([StepKinds.Cable, StepKinds.Reset], TriedSteps.Read("I've rebooted it and tried another cable").Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("hur återställer jag den?")]
    [InlineData("hur gör jag en återställning")]
    [InlineData("how do I reset it")]
    [InlineData("can i reset it myself")]
    [InlineData("jag har inte laddat den")]
    [InlineData("I haven't charged it")]
    [InlineData("har aldrig startat om den")]
    [InlineData("can i use terea in it")]
    [InlineData("min iluma blinkar rött")]
    [InlineData("")]
    [InlineData(null)]
    public void Questions_and_things_not_done_are_not_tries(string? text)
        => Assert.Empty(TriedSteps.Read(text));

    [Theory]
    [InlineData("har redan gjort det", true)]
    [InlineData("gjort det redan", true)]
    [InlineData("testat det, funkar inte", true)]
    [InlineData("already tried that", true)]
    [InlineData("did that already", true)]
    [InlineData("nej", false)]
    [InlineData("det har jag inte gjort", false)]
    [InlineData("haven't tried that", false)]
    [InlineData("vad menar du", false)]
    public void Says_the_step_shown_was_already_tried(string text, bool expected)
        => Assert.Equal(expected, TriedSteps.SaysAlreadyTried(text));
}
