using IqosBot.Dialogs.Choices;

namespace IqosBot.DialogEngine.Tests.Choices;

public sealed class ChoiceRecognizerTests
{
    private static readonly List<Choice> Options =
    [
        new("register", "Registrera enhet", ["lägga till enhet"]),
        new("warranty", "Kolla min garanti", ["garantistatus"]),
        new("order", "Kolla min beställning", ["leverans"]),
        new("store", "Hitta närmaste butik", ["återförsäljare"]),
        new("person", "Prata med en person", ["människa", "kundtjänst"]),
    ];

    [Theory]
    [InlineData("2", "warranty")]
    [InlineData(" 2. ", "warranty")]
    [InlineData("nr 2", "warranty")]
    [InlineData("nummer 4", "store")]
    [InlineData("option 1", "register")]
    [InlineData("andra", "warranty")]
    [InlineData("den andra", "warranty")]
    [InlineData("jag tar den tredje", "order")]
    [InlineData("2:a", "warranty")]
    [InlineData("3:e", "order")]
    [InlineData("second", "warranty")]
    [InlineData("the second one", "warranty")]
    [InlineData("the 4th", "store")]
    [InlineData("första", "register")]
    [InlineData("forsta", "register")]
    [InlineData("sista", "person")]
    [InlineData("the last one", "person")]
    [InlineData("last", "person")]
    public void By_number_or_ordinal(string text, string expected)
        => Assert.Equal(expected, ChoiceRecognizer.Recognize(text, Options)?.Value);

    [Theory]
    [InlineData("Kolla min garanti", "warranty")]
    [InlineData("kolla min garanti", "warranty")]
    [InlineData("garanti", "warranty")]
    [InlineData("garantin", "warranty")]
    [InlineData("Kolla min beställning", "order")]
    [InlineData("kolla min bestallning", "order")]
    [InlineData("närmaste butik", "store")]
    [InlineData("narmaste butik", "store")]
    [InlineData("återförsäljare", "store")]
    [InlineData("aterforsaljare", "store")]
    [InlineData("lägga till enhet", "register")]
    [InlineData("lagga till enhet", "register")]
    [InlineData("jag vill registrera min enhet", "register")]
    [InlineData("människa", "person")]
    [InlineData("manniska", "person")]
    [InlineData("kundtjanst", "person")]
    [InlineData("person", "person")]
    public void By_title_or_synonym_with_or_without_swedish_letters(string text, string expected)
        => Assert.Equal(expected, ChoiceRecognizer.Recognize(text, Options)?.Value);

    [Fact]
    public void The_found_choice_says_which_option_and_how_sure()
    {
        var found = ChoiceRecognizer.Recognize("Hitta närmaste butik", Options)!;

        Assert.Equal(new FoundChoice("store", 3, 1.0, "Hitta närmaste butik"), found);
    }

    [Theory]
    [InlineData("kolla")]
    [InlineData("kolla min")]
    public void A_word_two_options_share_equally_picks_neither(string text)
        => Assert.Null(ChoiceRecognizer.Recognize(text, Options));

    [Theory]
    [InlineData("blörp")]
    [InlineData("asdf qwerty")]
    [InlineData("jag vill")]
    [InlineData("0")]
    [InlineData("6")]
    [InlineData("sjätte")]
    [InlineData("2 3")]
    [InlineData("")]
    [InlineData(null)]
    public void Nonsense_or_an_option_that_does_not_exist_picks_nothing(string? text)
        => Assert.Null(ChoiceRecognizer.Recognize(text, Options));

    [Fact]
    public void Without_title_matching_only_numbers_count()
    {
        Assert.Null(ChoiceRecognizer.Recognize("garanti", Options, matchTitles: false));
        Assert.Equal("warranty", ChoiceRecognizer.Recognize("2", Options, matchTitles: false)?.Value);
    }

    [Fact]
    public void No_options_picks_nothing()
        => Assert.Null(ChoiceRecognizer.Recognize("1", []));
}
