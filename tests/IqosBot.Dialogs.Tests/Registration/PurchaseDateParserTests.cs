using System.Globalization;
using IqosBot.Dialogs.Understanding;

namespace IqosBot.Dialogs.Tests.Registration;

public sealed class PurchaseDateParserTests
{
    /// <summary>A Thursday. Relative expectations below are worked out from this date.</summary>
    private static readonly DateOnly Today = new(2026, 11, 26);

    private const PurchaseDateProblem None = PurchaseDateProblem.None;
    private const PurchaseDateProblem NotUnderstood = PurchaseDateProblem.NotUnderstood;
    private const PurchaseDateProblem Future = PurchaseDateProblem.InTheFuture;

    [Theory]
    // ISO and numeric, always day first.
    [InlineData("2026-03-15", "2026-03-15", None)]
    [InlineData("2026/03/15", "2026-03-15", None)]
    [InlineData("2026.3.5", "2026-03-05", None)]
    [InlineData("20260315", "2026-03-15", None)]
    [InlineData("15/3/2026", "2026-03-15", None)]
    [InlineData("15.3.2026", "2026-03-15", None)]
    [InlineData("15-03-2026", "2026-03-15", None)]
    [InlineData("köpt 15/3/2026.", "2026-03-15", None)]
    [InlineData("15/3", "2026-03-15", None)]
    [InlineData("jag köpte den 1/10", "2026-10-01", None)]
    [InlineData("26/11", "2026-11-26", None)]
    [InlineData("30/11", "2025-11-30", None)]
    [InlineData("2001-05-05", "2001-05-05", None)]
    [InlineData("3/15", null, NotUnderstood)]
    [InlineData("03/15/2026", null, NotUnderstood)]
    [InlineData("2026-13-01", null, NotUnderstood)]
    [InlineData("2026-02-30", null, NotUnderstood)]
    [InlineData("15/3/26", null, NotUnderstood)]
    [InlineData("2099-01-01", null, Future)]
    [InlineData("27/11/2026", null, Future)]
    // Today, yesterday, the day before yesterday.
    [InlineData("idag", "2026-11-26", None)]
    [InlineData("i dag", "2026-11-26", None)]
    [InlineData("I DAG", "2026-11-26", None)]
    [InlineData("Today", "2026-11-26", None)]
    [InlineData("i morse", "2026-11-26", None)]
    [InlineData("igår", "2026-11-25", None)]
    [InlineData("i går", "2026-11-25", None)]
    [InlineData("igar", "2026-11-25", None)]
    [InlineData("IGÅR", "2026-11-25", None)]
    [InlineData("jag köpte den igår", "2026-11-25", None)]
    [InlineData("yesterday", "2026-11-25", None)]
    [InlineData("igår kl 15.30", "2026-11-25", None)]
    [InlineData("i förrgår", "2026-11-24", None)]
    [InlineData("förrgår", "2026-11-24", None)]
    [InlineData("iforrgar", "2026-11-24", None)]
    [InlineData("i förgår", "2026-11-24", None)]
    [InlineData("the day before yesterday", "2026-11-24", None)]
    [InlineData("Day before yesterday!", "2026-11-24", None)]
    // N units ago, digits and number words.
    [InlineData("för 3 dagar sedan", "2026-11-23", None)]
    [InlineData("3 dagar sen", "2026-11-23", None)]
    [InlineData("3dagar sen", "2026-11-23", None)]
    [InlineData("tre dar sen", "2026-11-23", None)]
    [InlineData("3 days ago", "2026-11-23", None)]
    [InlineData("3days ago", "2026-11-23", None)]
    [InlineData("Three days ago", "2026-11-23", None)]
    [InlineData("twelve days ago", "2026-11-14", None)]
    [InlineData("för två veckor sedan", "2026-11-12", None)]
    [InlineData("tva veckor sen", "2026-11-12", None)]
    [InlineData("2 weeks ago", "2026-11-12", None)]
    [InlineData("a week ago", "2026-11-19", None)]
    [InlineData("en vecka sedan", "2026-11-19", None)]
    [InlineData("one week ago", "2026-11-19", None)]
    [InlineData("för 2 månader sedan", "2026-09-26", None)]
    [InlineData("två månader sen", "2026-09-26", None)]
    [InlineData("2 months ago", "2026-09-26", None)]
    [InlineData("för tolv månader sedan", "2025-11-26", None)]
    [InlineData("för ett år sedan", "2025-11-26", None)]
    [InlineData("9999 years ago", null, NotUnderstood)]
    // Last week / last month.
    [InlineData("förra veckan", "2026-11-19", None)]
    [InlineData("forra veckan", "2026-11-19", None)]
    [InlineData("last week", "2026-11-19", None)]
    [InlineData("förra månaden", "2026-10-26", None)]
    [InlineData("forra manaden", "2026-10-26", None)]
    [InlineData("Last month", "2026-10-26", None)]
    // Weekdays: the most recent one strictly before today (a Thursday).
    [InlineData("i fredags", "2026-11-20", None)]
    [InlineData("ifredags", "2026-11-20", None)]
    [InlineData("förra fredagen", "2026-11-20", None)]
    [InlineData("I FREDAGS", "2026-11-20", None)]
    [InlineData("last Friday", "2026-11-20", None)]
    [InlineData("i bought it last friday", "2026-11-20", None)]
    [InlineData("on friday", "2026-11-20", None)]
    [InlineData("i måndags", "2026-11-23", None)]
    [InlineData("i mandags", "2026-11-23", None)]
    [InlineData("last monday", "2026-11-23", None)]
    [InlineData("i onsdags", "2026-11-25", None)]
    [InlineData("i torsdags", "2026-11-19", None)]
    [InlineData("last thursday", "2026-11-19", None)]
    [InlineData("i lördags", "2026-11-21", None)]
    [InlineData("i söndags", "2026-11-22", None)]
    [InlineData("Sunday", "2026-11-22", None)]
    [InlineData("i fredags förra veckan", "2026-11-20", None)]
    [InlineData("måndag förra veckan", "2026-11-16", None)]
    // Day and month name, Swedish and English, with and without a year.
    [InlineData("15 mars", "2026-03-15", None)]
    [InlineData("den 15 mars", "2026-03-15", None)]
    [InlineData("15:e mars", "2026-03-15", None)]
    [InlineData("15mars", "2026-03-15", None)]
    [InlineData("mars 15", "2026-03-15", None)]
    [InlineData("15 MARS", "2026-03-15", None)]
    [InlineData("15 march", "2026-03-15", None)]
    [InlineData("March 15", "2026-03-15", None)]
    [InlineData("15th of March", "2026-03-15", None)]
    [InlineData("march 15th", "2026-03-15", None)]
    [InlineData("on 3 March", "2026-03-03", None)]
    [InlineData("15 mars 2025", "2025-03-15", None)]
    [InlineData("March 15, 2025", "2025-03-15", None)]
    [InlineData("15 mar. 2025", "2025-03-15", None)]
    [InlineData("15 mars förra året", "2025-03-15", None)]
    [InlineData("1:a maj", "2026-05-01", None)]
    [InlineData("May 1st", "2026-05-01", None)]
    [InlineData("den 2 januari 2024", "2024-01-02", None)]
    [InlineData("14 jan", "2026-01-14", None)]
    [InlineData("12 feb", "2026-02-12", None)]
    [InlineData("4 apr", "2026-04-04", None)]
    [InlineData("30 jun", "2026-06-30", None)]
    [InlineData("7 jul", "2026-07-07", None)]
    [InlineData("20 augusti", "2026-08-20", None)]
    [InlineData("3 sept", "2026-09-03", None)]
    [InlineData("5 okt", "2026-10-05", None)]
    [InlineData("6 oct", "2026-10-06", None)]
    [InlineData("9 nov", "2026-11-09", None)]
    [InlineData("1 dec", "2025-12-01", None)]
    [InlineData("15 december", "2025-12-15", None)]
    [InlineData("27 november", "2025-11-27", None)]
    [InlineData("26 november", "2026-11-26", None)]
    [InlineData("fredagen den 20 november", "2026-11-20", None)]
    [InlineData("29 februari 2024", "2024-02-29", None)]
    [InlineData("29 februari 2025", null, NotUnderstood)]
    [InlineData("29 februari", null, NotUnderstood)]
    [InlineData("31 februari", null, NotUnderstood)]
    [InlineData("31 april", null, NotUnderstood)]
    [InlineData("15 mars 2027", null, Future)]
    [InlineData("15 december i år", null, Future)]
    // The future.
    [InlineData("tomorrow", null, Future)]
    [InlineData("imorgon", null, Future)]
    [InlineData("i morgon", null, Future)]
    [InlineData("i övermorgon", null, Future)]
    [InlineData("next friday", null, Future)]
    [InlineData("nästa vecka", null, Future)]
    // Month or year only: the day matters for the warranty, so ask again.
    [InlineData("i mars", null, NotUnderstood)]
    [InlineData("in march", null, NotUnderstood)]
    [InlineData("mars 2025", null, NotUnderstood)]
    [InlineData("förra året", null, NotUnderstood)]
    [InlineData("last year", null, NotUnderstood)]
    // Contradictions, empty input and nonsense.
    [InlineData("igaar", "2026-11-25", None)]
    [InlineData("köpte en 3 dagar sedan", "2026-11-23", None)]
    [InlineData("den 3 maj 15:00", "2026-05-03", None)]
    [InlineData("igår eller i förrgår", null, NotUnderstood)]
    [InlineData("3-4 dagar sedan", null, NotUnderstood)]
    [InlineData("två eller tre veckor sedan", null, NotUnderstood)]
    [InlineData("15-16 mars", null, NotUnderstood)]
    [InlineData("15 eller 16 mars", null, NotUnderstood)]
    [InlineData("March 15 or 16", null, NotUnderstood)]
    [InlineData("15/3-16/3", null, NotUnderstood)]
    [InlineData("15 mars eller 16 mars", null, NotUnderstood)]
    [InlineData("", null, NotUnderstood)]
    [InlineData("   ", null, NotUnderstood)]
    [InlineData(null, null, NotUnderstood)]
    [InlineData("vet inte", null, NotUnderstood)]
    [InlineData("I don't remember", null, NotUnderstood)]
    [InlineData("asdfgh", null, NotUnderstood)]
    [InlineData("kl 15.30", null, NotUnderstood)]
    [InlineData("i dagarna", null, NotUnderstood)]
    public void Parses_on_a_fixed_thursday(string? text, string? expectedDate, PurchaseDateProblem expectedProblem)
        => AssertParsed(text, Today, expectedDate, expectedProblem);

    [Theory]
    // Year rollover: a day-month still ahead this year means last year.
    [InlineData("2026-01-10", "15 december", "2025-12-15")]
    [InlineData("2026-01-10", "15/12", "2025-12-15")]
    [InlineData("2026-01-10", "10 januari", "2026-01-10")]
    [InlineData("2026-01-01", "igår", "2025-12-31")]
    [InlineData("2026-01-05", "last week", "2025-12-29")]
    // On a Friday, "last friday" is a week ago.
    [InlineData("2026-11-27", "last friday", "2026-11-20")]
    [InlineData("2026-11-27", "i fredags", "2026-11-20")]
    // On a Saturday, "i fredags" is yesterday, but "fredag förra veckan" is the Friday of the previous week.
    [InlineData("2026-11-28", "i fredags", "2026-11-27")]
    [InlineData("2026-11-28", "fredag förra veckan", "2026-11-20")]
    [InlineData("2026-11-28", "igår i fredags", "2026-11-27")]
    // Month arithmetic clamps to the month's length.
    [InlineData("2026-03-31", "förra månaden", "2026-02-28")]
    [InlineData("2024-03-31", "last month", "2024-02-29")]
    [InlineData("2026-05-31", "för 3 månader sedan", "2026-02-28")]
    [InlineData("2024-02-29", "ett år sedan", "2023-02-28")]
    // Leap day without a year: the most recent 29 February only if it falls in the year chosen by the calendar.
    [InlineData("2025-01-10", "29 februari", "2024-02-29")]
    [InlineData("2024-03-10", "29 feb", "2024-02-29")]
    public void Resolves_relative_to_the_given_today(string today, string text, string expectedDate)
        => AssertParsed(text, Iso(today), expectedDate, None);

    [Theory]
    [InlineData("2025-03-10", "29 februari")]
    [InlineData("2026-11-28", "igår i torsdags")]
    public void Not_understood_relative_to_the_given_today(string today, string text)
        => AssertParsed(text, Iso(today), null, NotUnderstood);

    [Fact]
    public void A_date_in_the_future_carries_no_date()
    {
        var result = PurchaseDateParser.Parse("2099-01-01", Today);

        Assert.Equal(new PurchaseDateResult(null, PurchaseDateProblem.InTheFuture), result);
    }

    [Theory]
    [InlineData("en-US")]
    [InlineData("ar-SA")]
    [InlineData("th-TH")]
    public void Does_not_depend_on_the_machine_culture(string cultureName)
    {
        var original = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(cultureName);

            AssertParsed("3/4/2026", Today, "2026-04-03", None);
            AssertParsed("March 15, 2025", Today, "2025-03-15", None);
            AssertParsed("i fredags", Today, "2026-11-20", None);
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }
    }

    private static void AssertParsed(string? text, DateOnly today, string? expectedDate, PurchaseDateProblem expectedProblem)
    {
        var result = PurchaseDateParser.Parse(text, today);

        Assert.Equal(expectedProblem, result.Problem);
        Assert.Equal(expectedDate is null ? null : Iso(expectedDate), result.Date);
    }

    private static DateOnly Iso(string value) => DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
