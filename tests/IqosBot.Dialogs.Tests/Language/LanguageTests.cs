using IqosBot.Dialogs.Language;

namespace IqosBot.Dialogs.Tests.Language;

public sealed class LanguageTests
{
    [Theory]
    [InlineData("hej")]
    [InlineData("Hej, jag vill registrera min enhet")]
    [InlineData("hej jag vill registrera min enhet")]
    [InlineData("hjälp")]
    [InlineData("hjalp")]
    [InlineData("Hur länge gäller garantin?")]
    [InlineData("hur lange galler garantin")]
    [InlineData("min iluma laddar inte")]
    [InlineData("nej tack")]
    [InlineData("Köpte den förra veckan")]
    public void Swedish_messages_are_swedish_with_or_without_swedish_letters(string text)
        => Assert.Equal(CustomerLanguage.Swedish, LanguageDetector.Detect(text));

    [Theory]
    [InlineData("hello")]
    [InlineData("Hi, I want to register my device")]
    [InlineData("help")]
    [InlineData("How long is the warranty?")]
    [InlineData("my iluma is not charging")]
    [InlineData("no thanks")]
    [InlineData("can I talk to a human")]
    public void English_messages_are_english(string text)
        => Assert.Equal(CustomerLanguage.English, LanguageDetector.Detect(text));

    [Theory]
    [InlineData("ok")]
    [InlineData("1")]
    [InlineData("anna.svensson@example.com")]
    [InlineData("ILUMA ONE")]
    [InlineData("?")]
    [InlineData("")]
    [InlineData(null)]
    public void Messages_with_no_sign_of_a_language_are_undecided(string? text)
        => Assert.Null(LanguageDetector.Detect(text));

    [Theory]
    [InlineData("en", null, "ok", "en")]
    [InlineData("en", "sv-SE", "1", "en")]
    [InlineData("sv", "en-US", "anna.svensson@example.com", "sv")]
    [InlineData("en", null, "hej jag vill registrera min enhet", "sv")]
    [InlineData("sv", null, "I want to register my device", "en")]
    [InlineData(null, "en-US", "ok", "en")]
    [InlineData(null, "en-GB", null, "en")]
    [InlineData(null, "sv-SE", "1", "sv")]
    [InlineData(null, "fi-FI", "ok", "sv")]
    [InlineData(null, null, null, "sv")]
    public void The_policy_prefers_the_message_then_the_remembered_language_then_the_locale(string? remembered, string? locale, string? text, string expected)
        => Assert.Equal(expected, LanguagePolicy.Resolve(remembered, locale, text));

    [Theory]
    [InlineData("sv-SE", "sv")]
    [InlineData("SV", "sv")]
    [InlineData("sv_FI", "sv")]
    [InlineData("en-US", "en")]
    [InlineData("en-gb", "en")]
    [InlineData("de-DE", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Locales_are_reduced_to_the_two_languages_the_bot_speaks(string? locale, string? expected)
        => Assert.Equal(expected, CustomerLanguage.Normalize(locale));
}
