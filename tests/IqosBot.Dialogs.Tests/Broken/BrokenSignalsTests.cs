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

    [Theory]
    // The model saw the report among its top two: that intent, whatever came first.
    [InlineData("min iluma laddar inte", Intents.ContactSupport, 0.6, Intents.DeviceReplacement, Intents.DeviceReplacement)]
    // A named fault or accident the model was unsure about, or took for a question about the device's cover.
    [InlineData("my iluma is cracked", Intents.WarrantyStatus, 0.31, Intents.WarrantyInfo, Intents.DeviceReplacement)]
    [InlineData("min andra iqos laddar inte längre", Intents.InternationalSupport, 0.49, Intents.None, Intents.Troubleshooting)]
    [InlineData("it got wet and is dead", Intents.WarrantyStatus, 0.9, Intents.CarePlus, Intents.DeviceReplacement)]
    // Nothing recognised at all, but broken: troubleshooting.
    [InlineData("den är trasig", Intents.None, 0.2, Intents.Greeting, Intents.Troubleshooting)]
    public void A_reported_fault_decides_the_broken_intent(string text, string top, double score, string second, string expected)
        => Assert.Equal(expected, BrokenSignals.ReportedIntent(text, Result(text, top, score, second)));

    [Theory]
    // Sure of another question: that question is answered.
    [InlineData("does the warranty cover a cracked holder?", Intents.WarrantyInfo, 0.8, Intents.WarrantyStatus)]
    [InlineData("min iluma blinkar rött, vad har ni för telefonnummer", Intents.ContactSupport, 0.7, Intents.HumanAgent)]
    // Broken only in general words, and the model saw something else: not a report to act on.
    [InlineData("it's broken, is care plus worth it", Intents.CarePlus, 0.4, Intents.WarrantyInfo)]
    // No broken device at all.
    [InlineData("how long is the warranty", Intents.WarrantyInfo, 0.3, Intents.WarrantyStatus)]
    public void Another_question_is_not_a_report(string text, string top, double score, string second)
        => Assert.Null(BrokenSignals.ReportedIntent(text, Result(text, top, score, second)));

    private static Microsoft.Bot.Builder.RecognizerResult Result(string text, string top, double score, string second)
        => RecognizerResults.Create(text, [new(top, score), new(second, score - 0.1)], top, "test");
}
