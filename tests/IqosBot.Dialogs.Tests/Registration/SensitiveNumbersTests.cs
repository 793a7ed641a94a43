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

    /// <summary>
    /// The forms a personnummer takes when it is pasted from a web page, a PDF or a phone keyboard: no-break and narrow
    /// no-break spaces, invisible zero-width characters anywhere between the digits, dashes other than the hyphen, and
    /// digits of other scripts (Arabic-Indic, Persian, full-width, Devanagari, mathematical). All of them are 811218-9876.
    /// </summary>
    public static TheoryData<string> PersonalNumberVariants() =>
    [
        "8112\u00A0189876",
        "811218\u00A09876",
        "811218\u202F9876",
        "811218\u00A0-\u00A09876",
        "811218\u202F–\u202F9876",
        "811218\u00A0\u00A0\u00A0-\u202F\u202F\u202F9876",
        "811218\u200B-9876",
        "811218-\u200B9876",
        "8\u200B1\u200C1\u200D2\u20601\uFEFF8-9876",
        "81121898\u200B76",
        "19811218\u2060-\u20609876",
        "811218 -9876",
        "811218-  9876",
        "811218   -   9876",
        "811218   –   9876",
        "811218—9876",
        "811218 — 9876",
        "811218\u22129876",
        "811218 \u2212 9876",
        "811218\u20109876",
        "811218\u20119876",
        "811218\uFF0D9876",
        "811218\uFF0B9876",
        "19811218 – 9876",
        "\u0668\u0661\u0661\u0662\u0661\u0668-\u0669\u0668\u0667\u0666",
        "\u06F8\u06F1\u06F1\u06F2\u06F1\u06F8-\u06F9\u06F8\u06F7\u06F6",
        "\uFF18\uFF11\uFF11\uFF12\uFF11\uFF18\uFF0D\uFF19\uFF18\uFF17\uFF16",
        "\u096E\u0967\u0967\u0968\u0967\u096E-\u096F\u096E\u096D\u096C",
        "\U0001D7D6\U0001D7CF\U0001D7CF\U0001D7D0\U0001D7CF\U0001D7D6-\U0001D7D7\U0001D7D6\U0001D7D5\U0001D7D4",
        "8112\u0661\u0668\u00A0\u2013\u00A09876",
    ];

    /// <summary>Card numbers grouped as banking apps and PDFs print them (4111 1111 1111 1111 and 5555 5555 5555 4444 pass Luhn, as does the 13-digit 4222222222222).</summary>
    public static TheoryData<string> CardNumberVariants() =>
    [
        "4111\u00A01111\u00A01111\u00A01111",
        "4111\u202F1111\u202F1111\u202F1111",
        "4111–1111–1111–1111",
        "4111—1111—1111—1111",
        "4111\u200B1111\u200B1111\u200B1111",
        "4111111111\u200C111111",
        "4111 - 1111 - 1111 - 1111",
        "4111 – 1111 – 1111 – 1111",
        "4111\u00A0-\u00A01111\u00A0-\u00A01111\u00A0-\u00A01111",
        "5555\u00A05555\u00A05555\u00A04444",
        "\u0664\u0661\u0661\u0661 \u0661\u0661\u0661\u0661 \u0661\u0661\u0661\u0661 \u0661\u0661\u0661\u0661",
        "\uFF14\uFF11\uFF11\uFF11\u3000\uFF11\uFF11\uFF11\uFF11\u3000\uFF11\uFF11\uFF11\uFF11\u3000\uFF11\uFF11\uFF11\uFF11",
        "4222222222222",
        "4222\u00A02222\u00A02222\u00A02",
    ];

    /// <summary>
    /// Coordination numbers (samordningsnummer) carry the day of birth plus 60 (61–91). The check digit is computed here
    /// rather than written down, so the example is valid by construction.
    /// </summary>
    public static TheoryData<string> CoordinationNumbers() =>
    [
        WithCheckDigit("811278987")[..6] + "-" + WithCheckDigit("811278987")[6..],
        WithCheckDigit("811278987"),
        "19" + WithCheckDigit("811278987"),
        WithCheckDigit("121272121")[..6] + "+" + WithCheckDigit("121272121")[6..],
        "20" + WithCheckDigit("900161123")[..6] + " – " + WithCheckDigit("900161123")[6..],
        WithCheckDigit("850291456")[..6] + "\u00A0-\u00A0" + WithCheckDigit("850291456")[6..],
    ];

    [Theory]
    [MemberData(nameof(PersonalNumberVariants))]
    [MemberData(nameof(CardNumberVariants))]
    [MemberData(nameof(CoordinationNumbers))]
    public void A_number_in_any_of_its_typed_or_pasted_forms_is_found(string number)
    {
        Assert.True(SensitiveNumbers.Contains(number));
        Assert.True(SensitiveNumbers.Contains($"mitt nummer är {number}, tack"));
    }

    [Theory]
    [MemberData(nameof(PersonalNumberVariants))]
    [MemberData(nameof(CardNumberVariants))]
    [MemberData(nameof(CoordinationNumbers))]
    public void Redacting_removes_the_whole_number_in_any_form_and_nothing_else(string number)
    {
        Assert.Equal("[•••]", SensitiveNumbers.Redact(number));
        Assert.Equal("mitt nummer är [•••], tack", SensitiveNumbers.Redact($"mitt nummer är {number}, tack"));
        Assert.Equal("(\u00A0[•••]\u00A0)", SensitiveNumbers.Redact($"(\u00A0{number}\u00A0)"));
    }

    [Fact]
    public void Redacting_keeps_invisible_and_foreign_characters_around_the_number_as_they_were()
    {
        const string Text = "Hej\u00A0!\u200B nr: \u200B811218\u00A0–\u00A09876\u200B, kort ٤١١١ ١١١١ ١١١١ ١١١١. Tack 😊 \u202Eabc\u202C";

        Assert.Equal("Hej\u00A0!\u200B nr: \u200B[•••]\u200B, kort [•••]. Tack 😊 \u202Eabc\u202C", SensitiveNumbers.Redact(Text));
    }

    [Fact]
    public void Day_60_and_days_past_91_are_not_coordination_numbers()
    {
        Assert.False(SensitiveNumbers.Contains(WithCheckDigit("811260987")[..6] + "-" + WithCheckDigit("811260987")[6..]));
        Assert.False(SensitiveNumbers.Contains(WithCheckDigit("811292987")[..6] + "-" + WithCheckDigit("811292987")[6..]));
    }

    [Fact]
    public void The_check_digit_helper_agrees_with_the_documented_numbers()
    {
        Assert.Equal("8112189876", WithCheckDigit("811218987"));
        Assert.Equal("6408233234", WithCheckDigit("640823323"));
    }

    /// <summary>Wrong check digit, the wrong shape, or ordinary numbers — in the same unusual scripts and separators as above.</summary>
    [Theory]
    [InlineData("\u0668\u0661\u0661\u0662\u0661\u0668-\u0669\u0668\u0667\u0665")]
    [InlineData("\uFF18\uFF11\uFF11\uFF12\uFF11\uFF18\uFF0D\uFF19\uFF18\uFF17\uFF15")]
    [InlineData("811218\u00A0–\u00A09875")]
    [InlineData("811218\u200B-9875")]
    [InlineData("4111\u00A01111\u00A01111\u00A01112")]
    [InlineData("4111 - 1111 - 1111 - 1112")]
    [InlineData("1234 5678 9012 3456")]
    [InlineData("ordernummer 1234567890")]
    [InlineData("order 1234\u00A05678\u00A09012\u00A03456")]
    [InlineData("serienummer ILP1A2B3C4D5")]
    [InlineData("ILP1A2B3C4D5 och ILU2M3N4P5Q6")]
    [InlineData("köpt 2026-03-15")]
    [InlineData("köpt 2026–03–15")]
    [InlineData("köpt 15/3 2026")]
    [InlineData("123 45")]
    [InlineData("123\u00A045 Stockholm")]
    [InlineData("070-123 45 67")]
    [InlineData("070\u00A0123\u00A045\u00A067")]
    [InlineData("070–123\u200B45\u200B67")]
    [InlineData("+46 70 123 45 67")]
    [InlineData("+46\u00A070\u00A0123\u00A045\u00A067")]
    [InlineData("\u0660\u0667\u0660-\u0661\u0662\u0663 \u0664\u0665 \u0666\u0667")]
    [InlineData("pris 1 299 kr, 3 st")]
    [InlineData("jag är 16\u200B år")]
    public void Ordinary_numbers_in_any_form_are_not_flagged_and_stay_as_they_are(string text)
    {
        Assert.False(SensitiveNumbers.Contains(text));
        Assert.Equal(text, SensitiveNumbers.Redact(text));
    }

    /// <summary>The Luhn check digit that completes <paramref name="digits"/>, appended.</summary>
    private static string WithCheckDigit(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            // Counting from the right of the finished number, the digit next to the check digit is doubled.
            var digit = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 0)
            {
                digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
            }

            sum += digit;
        }

        return digits + (char)('0' + (10 - sum % 10) % 10);
    }
}
