using IqosBot.Dialogs.Broken;
using IqosBot.Dialogs.Understanding;

namespace IqosBot.Dialogs.Tests.Broken;

public sealed class SymptomDetectorTests
{
    [Theory]
    // red light
    [InlineData("den blinkar rött", Symptoms.RedLight)]
    [InlineData("Den blinkar rott", Symptoms.RedLight)]
    [InlineData("röd lampa", Symptoms.RedLight)]
    [InlineData("rod lampa pa laddaren", Symptoms.RedLight)]
    [InlineData("Lampan lyser rött hela tiden", Symptoms.RedLight)]
    [InlineData("red light flashing", Symptoms.RedLight)]
    [InlineData("The light on the charger is red", Symptoms.RedLight)]
    [InlineData("it keeps blinking red", Symptoms.RedLight)]
    // white blinking
    [InlineData("lamporna blinkar vitt", Symptoms.WhiteBlinking)]
    [InlineData("alla lampor blinkar vitt två gånger och släcks", Symptoms.WhiteBlinking)]
    [InlineData("vita lampor blinkar", Symptoms.WhiteBlinking)]
    [InlineData("all the lights blink white twice", Symptoms.WhiteBlinking)]
    [InlineData("white lights flashing", Symptoms.WhiteBlinking)]
    // not heating
    [InlineData("värmer inte", Symptoms.NotHeating)]
    [InlineData("varmer inte", Symptoms.NotHeating)]
    [InlineData("den blir inte varm", Symptoms.NotHeating)]
    [InlineData("Stickan blir inte het", Symptoms.NotHeating)]
    [InlineData("not heating up", Symptoms.NotHeating)]
    [InlineData("It won't heat", Symptoms.NotHeating)]
    [InlineData("doesn't get hot anymore", Symptoms.NotHeating)]
    // not charging
    [InlineData("laddar inte", Symptoms.NotCharging)]
    [InlineData("Den laddar inte!", Symptoms.NotCharging)]
    [InlineData("det går inte att ladda den", Symptoms.NotCharging)]
    [InlineData("laddaren fungerar inte", Symptoms.NotCharging)]
    [InlineData("won't charge", Symptoms.NotCharging)]
    [InlineData("My ILUMA is not charging", Symptoms.NotCharging)]
    [InlineData("the charger doesn't work", Symptoms.NotCharging)]
    // stops
    [InlineData("stänger av sig", Symptoms.Stops)]
    [InlineData("den stanger av sig sjalv", Symptoms.Stops)]
    [InlineData("Den stängs av mitt i", Symptoms.Stops)]
    [InlineData("turns off by itself", Symptoms.Stops)]
    [InlineData("it keeps switching off", Symptoms.Stops)]
    [InlineData("it shuts down after two puffs", Symptoms.Stops)]
    // stick stuck
    [InlineData("stickan sitter fast", Symptoms.StickStuck)]
    [InlineData("en bit av stickan gick av inuti", Symptoms.StickStuck)]
    [InlineData("stick stuck", Symptoms.StickStuck)]
    [InlineData("The stick broke inside", Symptoms.StickStuck)]
    [InlineData("jag får inte ut stickan", Symptoms.StickStuck)]
    [InlineData("det sitter kvar en bit tobak", Symptoms.StickStuck)]
    [InlineData("tobacco left inside the holder", Symptoms.StickStuck)]
    [InlineData("the heatstick snapped", Symptoms.StickStuck)]
    [InlineData("min iluma blinkar rött och laddar inte", Symptoms.RedLight)]
    [InlineData("the holder status light is red", Symptoms.RedLight)]
    [InlineData("it keeps turning off", Symptoms.Stops)]
    // accidents
    [InlineData("jag tappade den", Accidents.Dropped)]
    [InlineData("Jag har tappat min iluma i golvet", Accidents.Dropped)]
    [InlineData("den föll i marken", Accidents.Dropped)]
    [InlineData("dropped it", Accidents.Dropped)]
    [InlineData("I dropped it and now it blinks red", Accidents.Dropped)]
    [InlineData("den blev blöt", Accidents.Liquid)]
    [InlineData("den blev blot", Accidents.Liquid)]
    [InlineData("fick vatten på den", Accidents.Liquid)]
    [InlineData("jag spillde kaffe på laddaren", Accidents.Liquid)]
    [InlineData("spilled coffee on it", Accidents.Liquid)]
    [InlineData("I dropped it in the toilet", Accidents.Liquid)]
    [InlineData("it got wet in the rain", Accidents.Liquid)]
    [InlineData("sprucken", Accidents.Cracked)]
    [InlineData("Laddaren är sprucken", Accidents.Cracked)]
    [InlineData("cracked", Accidents.Cracked)]
    [InlineData("the holder has cracked", Accidents.Cracked)]
    public void Detects_symptoms_and_accidents(string text, string expected)
        => Assert.Equal(expected, SymptomDetector.Detect(text));

    [Theory]
    [InlineData("den är trasig")]
    [InlineData("Den är trasig!")]
    [InlineData("it's broken")]
    [InlineData("funkar inte")]
    [InlineData("min iluma fungerar inte")]
    [InlineData("it doesn't work")]
    [InlineData("den slutade fungera")]
    [InlineData("it stopped working")]
    [InlineData("hej")]
    [InlineData("vad kostar det")]
    [InlineData("hello")]
    [InlineData("kan jag ladda den i bilen?")]
    [InlineData("min röda iluma")]
    [InlineData("jag tappade bort den")]
    [InlineData("den är för varm")]
    [InlineData("hur många stickor har jag kvar")]
    [InlineData("kan jag använda TEREA i min IQOS 3 DUO?")]
    [InlineData("the sticks are inside the box")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Only_broken_or_off_topic_is_null(string? text) => Assert.Null(SymptomDetector.Detect(text));

    [Theory]
    [InlineData("iluma i prime", "IQOS ILUMA i PRIME")]
    [InlineData("Min IQOS ILUMA i PRIME blinkar", "IQOS ILUMA i PRIME")]
    [InlineData("min i prime", "IQOS ILUMA i PRIME")]
    [InlineData("iluma i one", "IQOS ILUMA i ONE")]
    [InlineData("jag har en iluma i", "IQOS ILUMA i")]
    [InlineData("iluma-i", "IQOS ILUMA i")]
    [InlineData("min prime", "IQOS ILUMA PRIME")]
    [InlineData("Iluma Prime", "IQOS ILUMA PRIME")]
    [InlineData("ILUMA ONE", "IQOS ILUMA ONE")]
    [InlineData("my iluma one won't charge", "IQOS ILUMA ONE")]
    [InlineData("min iluma i fickan blinkar", "IQOS ILUMA")]
    [InlineData("iluma", "IQOS ILUMA")]
    [InlineData("iqos 3 duo", "IQOS 3 DUO")]
    [InlineData("IQOS3 DUO", "IQOS 3 DUO")]
    [InlineData("min duo", "IQOS 3 DUO")]
    [InlineData("iqos 3 multi", "IQOS 3 MULTI")]
    [InlineData("iqos 3", "IQOS 3")]
    public void Detects_the_model(string text, string expected)
        => Assert.Equal(expected, SymptomDetector.DetectModel(text));

    [Theory]
    [InlineData("den är trasig")]
    [InlineData("min iqos")]
    [InlineData("a multi pack of sticks")]
    [InlineData("hej")]
    [InlineData("")]
    [InlineData(null)]
    public void No_model_named(string? text) => Assert.Null(SymptomDetector.DetectModel(text));

    [Theory]
    [InlineData("iluma i prime")]
    [InlineData("iluma i one")]
    [InlineData("iluma i")]
    [InlineData("prime")]
    [InlineData("iluma one")]
    [InlineData("iluma")]
    [InlineData("iqos 3 duo")]
    [InlineData("iqos 3 multi")]
    [InlineData("iqos 3")]
    public void Every_detected_model_is_in_the_guide(string text)
    {
        var names = TroubleshootingGuide.Shared.Models("sv").Select(model => model.Name);
        Assert.Contains(SymptomDetector.DetectModel(text), names);
    }
}
