using IqosBot.Dialogs.Broken;

namespace IqosBot.Dialogs.Tests.Broken;

public sealed class SwedishAddressTests
{
    [Theory]
    [InlineData("12345", "123 45")]
    [InlineData("123 45", "123 45")]
    [InlineData(" 123   45 ", "123 45")]
    [InlineData("SE-123 45", "123 45")]
    [InlineData("se-12345", "123 45")]
    [InlineData("SE 411 01", "411 01")]
    [InlineData("SE12345", "123 45")]
    [InlineData("98139", "981 39")]
    public void A_five_digit_postcode_is_written_as_three_and_two(string typed, string expected)
        => Assert.Equal(expected, SwedishAddress.PostalCode(typed));

    [Theory]
    [InlineData("1234")]
    [InlineData("123456")]
    [InlineData("01234")]
    [InlineData("012 34")]
    [InlineData("12 345")]
    [InlineData("1234 5")]
    [InlineData("abcde")]
    [InlineData("DK-12345")]
    [InlineData("123-45")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Anything_else_is_not_a_postcode(string? typed)
        => Assert.Null(SwedishAddress.PostalCode(typed));

    [Theory]
    [InlineData("storgatan 12", "Storgatan 12")]
    [InlineData("  Storgatan   12 B ", "Storgatan 12 B")]
    [InlineData("Västra Hamngatan 5, lgh 1102", "Västra Hamngatan 5, lgh 1102")]
    [InlineData("c/o Svensson, Ringvägen 3", "C/o Svensson, Ringvägen 3")]
    [InlineData("Box 123", "Box 123")]
    public void A_street_is_trimmed_and_capitalised(string typed, string expected)
        => Assert.Equal(expected, SwedishAddress.Street(typed));

    [Theory]
    [InlineData("12")]
    [InlineData("070-123 45 67")]
    [InlineData("12345")]
    [InlineData("ab")]
    [InlineData("anna.svensson@example.com")]
    [InlineData("Storgatan 19121212-1212")]
    [InlineData("Kortgatan 4111 1111 1111 1111")]
    [InlineData("")]
    [InlineData(null)]
    public void A_street_without_letters_too_short_or_with_an_email_or_personal_number_is_refused(string? typed)
        => Assert.Null(SwedishAddress.Street(typed));

    [Fact]
    public void A_street_longer_than_a_hundred_characters_is_refused()
    {
        Assert.NotNull(SwedishAddress.Street(new string('a', 100)));
        Assert.Null(SwedishAddress.Street(new string('a', 101)));
    }

    [Theory]
    [InlineData("malmö", "Malmö")]
    [InlineData("STOCKHOLM", "STOCKHOLM")]
    [InlineData("göteborg", "Göteborg")]
    [InlineData("upplands väsby", "Upplands Väsby")]
    [InlineData("  åre  ", "Åre")]
    [InlineData("sala-heby", "Sala-heby")]
    public void A_city_is_trimmed_and_each_word_capitalised(string typed, string expected)
        => Assert.Equal(expected, SwedishAddress.City(typed));

    [Theory]
    [InlineData("1")]
    [InlineData("a")]
    [InlineData("Stockholm 1")]
    [InlineData("123 45 Stockholm")]
    [InlineData("Malmö!")]
    [InlineData("")]
    [InlineData(null)]
    public void A_city_with_digits_or_symbols_or_too_short_is_refused(string? typed)
        => Assert.Null(SwedishAddress.City(typed));

    [Theory]
    [InlineData("Storgatan 1, 111 22 Stockholm", "Storgatan 1", "111 22", "Stockholm")]
    [InlineData("storgatan 1 11122 stockholm", "Storgatan 1", "111 22", "Stockholm")]
    [InlineData("storgatan 12b 12345 malmö", "Storgatan 12b", "123 45", "Malmö")]
    [InlineData("Drottninggatan 5 lgh 1102, 111 51 Stockholm", "Drottninggatan 5 lgh 1102", "111 51", "Stockholm")]
    [InlineData("Box 123, 111 22 Stockholm", "Box 123", "111 22", "Stockholm")]
    [InlineData("Kungsvägen 112 123 45 Täby", "Kungsvägen 112", "123 45", "Täby")]
    [InlineData("111 22 Malmö", null, "111 22", "Malmö")]
    [InlineData("SE-411 01 Göteborg", null, "411 01", "Göteborg")]
    [InlineData("11122", null, "111 22", null)]
    [InlineData("Storgatan 1, 11122", "Storgatan 1", "111 22", null)]
    [InlineData("Storgatan 12", "Storgatan 12", null, null)]
    [InlineData("ringvägen 3 B", "Ringvägen 3 B", null, null)]
    [InlineData("Byvägen", "Byvägen", null, null)]
    [InlineData("Lilla gränd", "Lilla gränd", null, null)]
    [InlineData("kungsgatan", "Kungsgatan", null, null)]
    [InlineData("Storgatan 1, Stockholm", "Storgatan 1", null, "Stockholm")]
    [InlineData("Byvägen, Stockholm", "Byvägen", null, "Stockholm")]
    public void A_line_gives_every_part_of_the_address_it_holds(string typed, string? street, string? postcode, string? city)
        => Assert.Equal(new AddressParts(street, postcode, city), SwedishAddress.Read(typed));

    [Theory]
    [InlineData("hur når jag kundtjänst?")]
    [InlineData("hmm what")]
    [InlineData("jag vet inte")]
    [InlineData("vilken gata menar du?")]
    [InlineData("hej")]
    [InlineData("070-123 45 67")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void A_question_or_chatter_is_no_part_of_an_address(string? typed)
        => Assert.Equal(new AddressParts(null, null, null), SwedishAddress.Read(typed));

    [Fact]
    public void A_city_longer_than_fifty_characters_is_refused()
    {
        Assert.NotNull(SwedishAddress.City(new string('a', 50)));
        Assert.Null(SwedishAddress.City(new string('a', 51)));
    }
}
