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
