using IqosBot.Dialogs.Choices;

namespace IqosBot.Dialogs.Tests.Choices;

public sealed class ConfirmRecognizerTests
{
    [Theory]
    [InlineData("ja")]
    [InlineData("Ja!")]
    [InlineData("ja gärna")]
    [InlineData("Ja, gärna")]
    [InlineData("ja garna")]
    [InlineData("japp")]
    [InlineData("jo")]
    [InlineData("absolut")]
    [InlineData("javisst")]
    [InlineData("det stämmer")]
    [InlineData("ja, det vill jag")]
    [InlineData("yes")]
    [InlineData("Yes please")]
    [InlineData("yep")]
    [InlineData("sure")]
    [InlineData("of course")]
    public void Yes_in_swedish_and_english(string text) => Assert.True(ConfirmRecognizer.Recognize(text));

    [Theory]
    [InlineData("nej")]
    [InlineData("Nej!")]
    [InlineData("nä")]
    [InlineData("na")]
    [InlineData("nej tack")]
    [InlineData("absolut inte")]
    [InlineData("helst inte")]
    [InlineData("no")]
    [InlineData("nope")]
    [InlineData("no thanks")]
    [InlineData("No thank you.")]
    [InlineData("not really")]
    [InlineData("no I don't think so")]
    public void No_in_swedish_and_english(string text) => Assert.False(ConfirmRecognizer.Recognize(text));

    [Theory]
    [InlineData("kanske")]
    [InlineData("maybe")]
    [InlineData("vet inte")]
    [InlineData("I don't know")]
    [InlineData("ILUMA ONE")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Neither_yes_nor_no(string? text) => Assert.Null(ConfirmRecognizer.Recognize(text));
}
