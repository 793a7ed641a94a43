using System.Diagnostics;
using System.Text;
using IqosBot.Handoff;

namespace IqosBot.Bot.Tests.Handoff;

/// <summary>
/// What agents read of a customer's text: personal identity and card numbers gone, other long numbers shown by their
/// last two digits, phone numbers readable, and no text — whatever its digits — able to break the console.
/// 811218-9876 and 4111 1111 1111 1111 pass the Luhn check; 811218-9875 does not (a mistyped number).
/// </summary>
public sealed class PersonalDataMaskTests
{
    [Theory]
    [InlineData("pnr 811218-9876", "pnr [•••]")]
    [InlineData("pnr 811218 – 9876", "pnr [•••]")]
    [InlineData("pnr 811218\u00A0-\u00A09876", "pnr [•••]")]
    [InlineData("pnr 811218\u200B-9876", "pnr [•••]")]
    [InlineData("pnr \u0668\u0661\u0661\u0662\u0661\u0668-\u0669\u0668\u0667\u0666", "pnr [•••]")]
    [InlineData("kort 4111 – 1111 – 1111 – 1111 tack", "kort [•••] tack")]
    [InlineData("kort 4111\u00A01111\u00A01111\u00A01111 tack", "kort [•••] tack")]
    public void A_valid_personal_identity_or_card_number_is_removed_in_any_form(string text, string shown)
        => Assert.Equal(shown, PersonalDataMask.Apply(text));

    [Theory]
    [InlineData("pnr 811218-9875", "pnr ••••••••75")]
    [InlineData("pnr 811218 – 9875", "pnr ••••••••75")]
    [InlineData("pnr 811218 - 9875", "pnr ••••••••75")]
    [InlineData("pnr 811218\u00A0–\u00A09875", "pnr ••••••••75")]
    [InlineData("pnr 811218 9875", "pnr ••••••••75")]
    [InlineData("pnr 19811218—9875", "pnr ••••••••••75")]
    [InlineData("pnr 198112189875", "pnr ••••••••••75")]
    [InlineData("kort 4111 1111 1111 1112", "kort ••••••••••••••12")]
    [InlineData("kort 4111 – 1111 – 1111 – 1112", "kort ••••••••••••••12")]
    public void Another_long_number_shaped_like_one_shows_only_its_last_two_digits(string text, string shown)
        => Assert.Equal(shown, PersonalDataMask.Apply(text));

    [Theory]
    [InlineData("\u0668\u0661\u0661\u0662\u0661\u0668-\u0669\u0668\u0667\u0665", "••••••••\u0667\u0665")]
    [InlineData("\u06F8\u06F1\u06F1\u06F2\u06F1\u06F8-\u06F9\u06F8\u06F7\u06F5", "••••••••\u06F7\u06F5")]
    [InlineData("\u0661\u0662\u0663\u0664 \u0665\u0666\u0667\u0668 \u0669\u0660\u0661\u0662 \u0663\u0664\u0665\u0666", "••••••••••••••\u0665\u0666")]
    [InlineData("\uFF18\uFF11\uFF11\uFF12\uFF11\uFF18\uFF0D\uFF19\uFF18\uFF17\uFF15", "••••••••\uFF17\uFF15")]
    [InlineData("\u096E\u0967\u0967\u0968\u0967\u096E-\u096F\u096E\u096D\u096B", "••••••••\u096D\u096B")]
    public void Digits_of_other_scripts_are_masked_without_crashing(string text, string shown)
        => Assert.Equal(shown, PersonalDataMask.Apply(text));

    [Theory]
    [InlineData("ring 070-123 45 67")]
    [InlineData("ring +46 70 123 45 67")]
    [InlineData("köpt 2026-03-15")]
    [InlineData("Storgatan 1, 123 45 Stockholm")]
    [InlineData("ordernummer 1234567890")]
    [InlineData("\u0661\u0662 \u0663\u0664")]
    [InlineData("")]
    [InlineData(null)]
    public void Ordinary_text_and_phone_numbers_stay_readable(string? text)
        => Assert.Equal(text, PersonalDataMask.Apply(text));

    [Fact]
    public void Serials_and_e_mail_addresses_are_still_masked_beside_numbers()
    {
        var shown = PersonalDataMask.Apply("ILP1A2B3C4D5, anna.svensson@example.com, pnr 811218 – 9876, ring 070-123 45 67")!;

        Assert.StartsWith("ILP1••••C4D5, ", shown);
        Assert.DoesNotContain("anna.svensson", shown);
        Assert.Contains("@example.com", shown);
        Assert.EndsWith(", pnr [•••], ring 070-123 45 67", shown);
    }

    /// <summary>100 KB built to make a backtracking pattern blow up: masking finishes in bounded time and never throws.</summary>
    [Theory]
    [InlineData("1")]
    [InlineData("1 ")]
    [InlineData("12-")]
    [InlineData("1 - ")]
    [InlineData("\u0661\u00A0")]
    [InlineData("8\u200B")]
    [InlineData("811218 – 9875 ")]
    [InlineData("a@a")]
    public void Hostile_text_is_masked_in_bounded_time(string unit)
    {
        var text = new StringBuilder(100_000 + unit.Length).Insert(0, unit, 100_000 / unit.Length + 1).ToString(0, 100_000);

        var clock = Stopwatch.StartNew();
        var shown = PersonalDataMask.Apply(text);

        // Generous: a linear pass takes milliseconds, a quadratic one seconds; a loaded machine keeps threads waiting too.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"{clock.Elapsed.TotalMilliseconds} ms");
        Assert.NotNull(shown);
    }
}
