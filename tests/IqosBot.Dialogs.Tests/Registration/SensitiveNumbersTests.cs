using IqosBot.Dialogs.Understanding;

namespace IqosBot.Dialogs.Tests.Registration;

/// <summary>
/// Personal identity numbers (personnummer) and card numbers typed by mistake. The numbers below are valid: the last
/// digit of a personnummer is the Luhn check digit over YYMMDDNNNC (811218-987 → 6, 121212-121 → 2, 900101-123 → 9,
/// 640823-323 → 4), and 4111 1111 1111 1111 and 5555 5555 5555 4444 are test cards that pass Luhn.
/// </summary>
public sealed class SensitiveNumbersTests
{
    [Theory]
    [InlineData("811218-9876")]
    [InlineData("811218 – 9876")]
    [InlineData("811218–9876")]
    [InlineData("811218 - 9876")]
    [InlineData("811218 9876")]
    [InlineData("8112189876")]
    [InlineData("811218+9876")]
    [InlineData("19811218-9876")]
    [InlineData("198112189876")]
    [InlineData("121212-1212")]
    [InlineData("900101-1239")]
    [InlineData("20121212-1212")]
    [InlineData("mitt personnummer är 811218-9876")]
    [InlineData("pnr:8112189876")]
    [InlineData("det är 640823-3234.")]
    public void A_valid_personal_number_is_found_with_any_separator(string text) => Assert.True(SensitiveNumbers.Contains(text));

    [Theory]
    [InlineData("4111 1111 1111 1111")]
    [InlineData("4111111111111111")]
    [InlineData("4111-1111-1111-1111")]
    [InlineData("kortet är 5555 5555 5555 4444 tack")]
    public void A_valid_card_number_is_found(string text) => Assert.True(SensitiveNumbers.Contains(text));

    [Theory]
    [InlineData("811218-9875")]
    [InlineData("811218 – 9875")]
    [InlineData("8112189875")]
    [InlineData("811318-9876")]
    [InlineData("4111 1111 1111 1112")]
    [InlineData("070-123 45 67")]
    [InlineData("+46 70 123 45 67")]
    [InlineData("ILP1A2B3C4D5")]
    [InlineData("2026-03-15")]
    [InlineData("111 22 Stockholm")]
    [InlineData("ordernummer 1234567890")]
    [InlineData("jag är 16")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Numbers_that_fail_the_check_digit_or_are_something_else_are_not_flagged(string? text)
        => Assert.False(SensitiveNumbers.Contains(text));

    [Theory]
    [InlineData("811218-9876", "[•••]")]
    [InlineData("811218 – 9876", "[•••]")]
    [InlineData("811218 - 9876", "[•••]")]
    [InlineData("8112189876", "[•••]")]
    [InlineData("19811218-9876", "[•••]")]
    [InlineData("mitt personnummer är 811218-9876, tack", "mitt personnummer är [•••], tack")]
    [InlineData("kort 4111 1111 1111 1111 exp 12/27", "kort [•••] exp 12/27")]
    [InlineData("811218-9876 och 4111-1111-1111-1111", "[•••] och [•••]")]
    public void Redacting_removes_every_valid_number_and_its_separators(string text, string redacted)
        => Assert.Equal(redacted, SensitiveNumbers.Redact(text));

    [Theory]
    [InlineData("811218-9875")]
    [InlineData("4111 1111 1111 1112")]
    [InlineData("ring 070-123 45 67, serienummer ILP1A2B3C4D5")]
    [InlineData("Storgatan 1, 111 22 Stockholm")]
    [InlineData("")]
    public void Redacting_keeps_text_without_a_valid_number_as_it_is(string text)
        => Assert.Equal(text, SensitiveNumbers.Redact(text));

    [Fact]
    public void Redacting_nothing_is_refused() => Assert.Throws<ArgumentNullException>(() => SensitiveNumbers.Redact(null!));
}
