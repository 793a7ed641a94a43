using IqosBot.Dialogs.Listening;

namespace IqosBot.Dialogs.Tests.Listening;

/// <summary>"It works again now": the problem went away while the bot was asking, and what must not be taken for that.</summary>
public sealed class SolvedSignalsTests
{
    [Theory]
    [InlineData("oh wait, it works again now")]
    [InlineData("vänta nu funkar den igen!")]
    [InlineData("vanta nu funkar den igen")]
    [InlineData("den går igen")]
    [InlineData("den gar igen")]
    [InlineData("det löste sig")]
    [InlineData("det loste sig")]
    [InlineData("nu funkar det!")]
    [InlineData("funkar igen")]
    [InlineData("det fungerar igen")]
    [InlineData("it's working now")]
    [InlineData("nvm it works now")]
    [InlineData("All good now, thanks")]
    [InlineData("fixed it!")]
    [InlineData("jag har löst det")]
    [InlineData("aha nu funkade det")]
    public void The_problem_going_away_is_solved(string text) => Assert.True(SolvedSignals.Mentions(text));

    [Theory]
    [InlineData("den funkar inte igen")]
    [InlineData("it still doesn't work")]
    [InlineData("works?")]
    [InlineData("funkar inte nu heller")]
    [InlineData("it doesn't work now")]
    [InlineData("it's not working again")]
    [InlineData("den funkar fortfarande inte")]
    [InlineData("it worked yesterday")]
    [InlineData("det funkade igår men inte nu")]
    [InlineData("will it work again if I clean it?")]
    [InlineData("den blinkar rött")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("nu funkar ingenting")]
    [InlineData("now nothing works")]
    [InlineData("den funkade förut men nu blinkar den rött")]
    [InlineData("it worked fine until now")]
    [InlineData("funkar den igen om jag rengör den?")]
    public void Still_broken_hopes_and_questions_are_not_solved(string? text) => Assert.False(SolvedSignals.Mentions(text));

    [Fact]
    public void A_long_story_is_not_read_for_it()
        => Assert.False(SolvedSignals.Mentions(string.Join(' ', Enumerable.Repeat("och", 20)) + " nu funkar den igen"));
}
