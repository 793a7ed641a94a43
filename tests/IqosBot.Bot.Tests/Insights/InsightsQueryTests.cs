using System.Globalization;
using IqosBot.Insights;

namespace IqosBot.Bot.Tests.Insights;

/// <summary>
/// The range a team lead asks for (CONTRACT.md: from and to as YYYY-MM-DD, both inclusive, from not after to, at most
/// 366 days, language sv, en or none); anything else is null, which the endpoints answer with 400.
/// </summary>
public sealed class InsightsQueryTests
{
    [Theory]
    [InlineData("2026-01-15", "2026-01-15", null, null)]
    [InlineData("2026-01-15", "2026-01-15", "", null)]
    [InlineData("2026-01-15", "2026-01-15", "sv", "sv")]
    [InlineData("2026-01-15", "2026-01-31", "en", "en")]
    [InlineData("2024-02-29", "2024-03-01", null, null)]
    public void A_valid_range_is_read(string from, string to, string? language, string? expectedLanguage)
    {
        var query = InsightsEndpoints.Query(from, to, language);

        Assert.Equal(new InsightQuery(DateOnly.Parse(from, CultureInfo.InvariantCulture), DateOnly.Parse(to, CultureInfo.InvariantCulture), expectedLanguage), query);
    }

    [Theory]
    [InlineData(null, "2026-01-15")]
    [InlineData("2026-01-15", null)]
    [InlineData("", "2026-01-15")]
    [InlineData("2026-02-30", "2026-03-01")]
    [InlineData("2025-02-29", "2025-03-01")]
    [InlineData("15/01/2026", "2026-01-15")]
    [InlineData("2026-1-15", "2026-01-15")]
    [InlineData("20260115", "2026-01-15")]
    [InlineData("2026-01-15T00:00", "2026-01-15")]
    [InlineData(" 2026-01-15", "2026-01-15")]
    [InlineData("2026-01-15", "tomorrow")]
    public void A_missing_or_malformed_day_is_no_query(string? from, string? to)
        => Assert.Null(InsightsEndpoints.Query(from, to, null));

    [Theory]
    [InlineData("2026-01-16", "2026-01-15")]
    [InlineData("2027-01-01", "2026-12-31")]
    public void From_after_to_is_no_query(string from, string to)
        => Assert.Null(InsightsEndpoints.Query(from, to, null));

    [Theory]
    [InlineData("2025-01-01", "2026-01-01", true)]
    [InlineData("2025-01-01", "2026-01-02", false)]
    [InlineData("2024-01-01", "2024-12-31", true)]
    [InlineData("2024-01-01", "2025-01-01", false)]
    [InlineData("2020-01-01", "2026-01-01", false)]
    public void A_range_may_hold_at_most_366_days(string from, string to, bool valid)
    {
        var query = InsightsEndpoints.Query(from, to, null);

        Assert.Equal(valid, query is not null);
    }

    [Theory]
    [InlineData("de")]
    [InlineData("SV")]
    [InlineData("En")]
    [InlineData("swe")]
    [InlineData("sv-SE")]
    [InlineData(" ")]
    [InlineData("all")]
    public void Another_language_is_no_query(string language)
        => Assert.Null(InsightsEndpoints.Query("2026-01-15", "2026-01-15", language));
}
