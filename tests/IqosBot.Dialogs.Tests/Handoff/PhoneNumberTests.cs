using IqosBot.Dialogs.Handoff;

namespace IqosBot.Dialogs.Tests.Handoff;

/// <summary>Swedish phone numbers as customers type them, in international form, and masked for logs.</summary>
public sealed class PhoneNumberTests
{
    [Theory]
    [InlineData("070-123 45 67", "+46701234567")]
    [InlineData("0701234567", "+46701234567")]
    [InlineData("+46 70 123 45 67", "+46701234567")]
    [InlineData("+46701234567", "+46701234567")]
    [InlineData("0046 70 123 45 67", "+46701234567")]
    [InlineData("+46 070 123 45 67", "+46701234567")]
    [InlineData("  070-123 45 67  ", "+46701234567")]
    [InlineData("070–123 45 67", "+46701234567")]
    [InlineData("08-123 456 78", "+46812345678")]
    [InlineData("(08) 123 456 78", "+46812345678")]
    [InlineData("08/123 456 78", "+46812345678")]
    [InlineData("031-123 45", "+463112345")]
    [InlineData("0910-123 45", "+4691012345")]
    public void Swedish_numbers_are_normalised_to_international_form(string typed, string expected)
        => Assert.Equal(expected, PhoneNumber.Normalize(typed));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("12345")]
    [InlineData("701234567")]
    [InlineData("46701234567")]
    [InlineData("+44 20 7946 0958")]
    [InlineData("+4670")]
    [InlineData("070 123")]
    [InlineData("070-123 45 67 89")]
    [InlineData("070.123.45.67")]
    [InlineData("070-123 45 67 ring efter 17")]
    [InlineData("70+1234567")]
    [InlineData("ring mig")]
    public void Anything_else_is_not_a_swedish_number(string? typed)
        => Assert.Null(PhoneNumber.Normalize(typed));

    [Theory]
    [InlineData("ring mig på 070-123 45 67.", "070-123 45 67")]
    [InlineData("ring mig pa 0701234567", "0701234567")]
    [InlineData("+46 70 123 45 67 tack", "+46 70 123 45 67")]
    [InlineData("070-123 45 67", "070-123 45 67")]
    [InlineData("nr: 0701234567, helst efter 17", "0701234567")]
    [InlineData("ring 15/3 på 070-123 45 67", "070-123 45 67")]
    [InlineData("you can call me on +46701234567!", "+46701234567")]
    [InlineData("hemma 08-123 456 78", "08-123 456 78")]
    [InlineData("070–123 45 67 funkar bäst", "070–123 45 67")]
    public void The_number_is_found_inside_a_sentence_as_typed(string text, string typed)
        => Assert.Equal(typed, PhoneNumber.Find(text));

    [Theory]
    [InlineData("070-123 45 67 eller 08-123 456 78", "08-123 456 78")]
    [InlineData("0701234567, nej förlåt 0709876543", "0709876543")]
    [InlineData("not 070-123 45 76 but 070-123 45 67", "070-123 45 67")]
    public void When_a_message_holds_two_numbers_the_last_is_found(string text, string typed)
        => Assert.Equal(typed, PhoneNumber.Find(text));

    [Theory]
    [InlineData("ring mig")]
    [InlineData("jag ringer imorgon kl 15")]
    [InlineData("mitt nummer är 811218-9876")]
    [InlineData("ILP1A2B3C4D5")]
    [InlineData("Storgatan 1, 111 22 Stockholm")]
    [InlineData("+44 20 7946 0958")]
    [InlineData("2026-03-15")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void A_message_without_a_swedish_number_has_none(string? text) => Assert.Null(PhoneNumber.Find(text));

    [Theory]
    [InlineData("+46701234567", "+4670•••••67")]
    [InlineData("+46812345678", "+4681•••••78")]
    [InlineData("+463112345", "+4631•••45")]
    [InlineData("1234567", "•••••••")]
    [InlineData("123", "•••")]
    public void Masking_keeps_the_start_and_the_last_two_digits(string normalized, string masked)
        => Assert.Equal(masked, PhoneNumber.Mask(normalized));

    [Fact]
    public void A_masked_number_shows_neither_the_whole_number_nor_its_middle()
    {
        var masked = PhoneNumber.Mask(PhoneNumber.Normalize("070-123 45 67")!);

        Assert.Equal(12, masked.Length);
        Assert.DoesNotContain("12345", masked, StringComparison.Ordinal);
    }
}
