using IqosBot.Dialogs.Understanding;

namespace IqosBot.Dialogs.Tests.Broken;

public sealed class BrokenSignalsTests
{
    [Theory]
    [InlineData("den är trasig")]
    [InlineData("min iqos är trasig")]
    [InlineData("Min IQOS är TRASIG!")]
    [InlineData("min iqos ar trasig")]
    [InlineData("laddaren är sönder")]
    [InlineData("den har gått sönder")]
    [InlineData("den är paj")]
    [InlineData("hållaren är defekt")]
    [InlineData("den är helt död")]
    [InlineData("den funkar inte")]
    [InlineData("min iluma fungerar inte längre")]
    [InlineData("den har slutat fungera")]
    [InlineData("det går inte att starta den")]
    [InlineData("min iluma blinkar rött")]
    [InlineData("den laddar inte")]
    [InlineData("jag tappade den")]
    [InlineData("den blev blöt")]
    [InlineData("it's broken")]
    [InlineData("my iqos broke")]
    [InlineData("it doesn't work")]
    [InlineData("it doesn’t work")]
    [InlineData("it does not work")]
    [InlineData("my iluma stopped working")]
    [InlineData("the charger is not working")]
    [InlineData("it won't work")]
    [InlineData("faulty holder")]
    [InlineData("my iqos is dead")]
    [InlineData("my iluma blinks red")]
    [InlineData("it won't charge")]
    [InlineData("i dropped it")]
    public void A_report_of_a_broken_device_is_recognised(string text)
        => Assert.True(BrokenSignals.Mentions(text), text);

    [Theory]
    [InlineData("hur fungerar ersättning?")]
    [InlineData("hur fungerar garantin")]
    [InlineData("vad ingår i ersättningen")]
    [InlineData("how does replacement work?")]
    [InlineData("what is the deadline for a claim")]
    [InlineData("deadline")]
    [InlineData("är den defektfri?")]
    [InlineData("han är en pajas")]
    [InlineData("jag tappade bort den")]
    [InlineData("hur laddar jag min iluma")]
    [InlineData("how do I charge my iluma")]
    [InlineData("registrera min enhet")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void A_question_or_an_unrelated_message_is_not_a_report(string? text)
        => Assert.False(BrokenSignals.Mentions(text), text);
}
