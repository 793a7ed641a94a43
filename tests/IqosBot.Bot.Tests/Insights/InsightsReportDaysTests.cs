using System.Globalization;
using IqosBot.Dialogs.Understanding;
using IqosBot.Insights;

namespace IqosBot.Bot.Tests.Insights;

/// <summary>
/// Which conversations a range of days holds: those whose first event falls, in Stockholm, between the local midnight
/// before its first day and the local midnight after its last, summer time or not; and the hours they started at,
/// in local time. 2026's clocks go forward on Sunday 29 March and back on Sunday 25 October.
/// </summary>
public sealed class InsightsReportDaysTests
{
    [Theory]
    [InlineData("2026-01-15", "2026-01-14T23:00:00Z", "2026-01-15T23:00:00Z")]
    [InlineData("2026-07-01", "2026-06-30T22:00:00Z", "2026-07-01T22:00:00Z")]
    [InlineData("2026-03-29", "2026-03-28T23:00:00Z", "2026-03-29T22:00:00Z")]
    [InlineData("2026-10-25", "2026-10-24T22:00:00Z", "2026-10-25T23:00:00Z")]
    public void A_day_runs_from_local_midnight_to_local_midnight(string day, string start, string end)
    {
        var date = DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture);

        var bounds = InsightsReport.Bounds(new InsightQuery(date, date, null), Stockholm.Zone);

        Assert.Equal(Instant(start), bounds.Start);
        Assert.Equal(Instant(end), bounds.End);
    }

    [Theory]
    [InlineData("2026-01-15", 24)]
    [InlineData("2026-03-29", 23)]
    [InlineData("2026-10-25", 25)]
    public void The_days_the_clocks_change_are_23_and_25_hours_long(string day, int hours)
    {
        var date = DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture);

        var (start, end) = InsightsReport.Bounds(new InsightQuery(date, date, null), Stockholm.Zone);

        Assert.Equal(TimeSpan.FromHours(hours), end - start);
    }

    [Fact]
    public void A_range_across_both_changes_of_the_clocks_starts_and_ends_at_local_midnight()
    {
        var (start, end) = InsightsReport.Bounds(new InsightQuery(new DateOnly(2026, 3, 1), new DateOnly(2026, 10, 31), null), Stockholm.Zone);

        Assert.Equal(Stockholm.Local(2026, 3, 1, 0), start);
        Assert.Equal(Stockholm.Local(2026, 11, 1, 0), end);
        Assert.Equal(Instant("2026-02-28T23:00:00Z"), start);
        Assert.Equal(Instant("2026-10-31T23:00:00Z"), end);
        Assert.Equal(TimeSpan.FromDays(245), end - start);
    }

    [Fact]
    public void The_read_window_holds_the_evening_before_the_range_and_the_night_after_it()
    {
        var query = new InsightQuery(Report.Day, Report.Day, null);
        var (start, end) = InsightsReport.Bounds(query, Stockholm.Zone);

        var (from, to) = InsightsReport.ReadWindow(query, Stockholm.Zone);

        // A conversation begun the evening before is read, so it is known to have begun then, not in the range.
        Assert.True(from <= start - TimeSpan.FromDays(1), $"{from:O}");
        // What the range's last conversations did after midnight is read too.
        Assert.True(to >= end + TimeSpan.FromHours(12), $"{to:O}");
        Assert.Equal(start - InsightsReport.LookBehind, from);
        Assert.Equal(end + InsightsReport.LookAhead, to);
    }

    [Fact]
    public void A_conversation_belongs_to_the_Stockholm_day_of_its_first_event()
    {
        var figures = Report.Of(
            new Chat("late-evening", Stockholm.Local(2026, 1, 15, 23, 30)).Started(),
            new Chat("after-midnight", Stockholm.Local(2026, 1, 16, 0, 10)).Started(),
            new Chat("utc-day-before", Stockholm.Utc(2026, 1, 14, 23, 50)).Started(),
            new Chat("evening-before", Stockholm.Local(2026, 1, 14, 23, 50)).Started());

        Assert.Equal(2, figures.Conversations);
        // 23:50 UTC on the 14th is 00:50 in Stockholm on the 15th.
        Assert.Equal(1, Hour(figures, 0).Conversations);
        Assert.Equal(1, Hour(figures, 23).Conversations);
    }

    [Fact]
    public void A_range_of_several_days_includes_both_ends()
    {
        var figures = Report.For(
            new InsightQuery(new DateOnly(2026, 1, 14), new DateOnly(2026, 1, 16), null),
            [
                new Chat("before", Stockholm.Local(2026, 1, 13, 23, 59)).Started(),
                new Chat("first-day", Stockholm.Local(2026, 1, 14, 0, 0)).Started(),
                new Chat("middle", Stockholm.Local(2026, 1, 15, 12, 0)).Started(),
                new Chat("last-day", Stockholm.Local(2026, 1, 16, 23, 59)).Started(),
                new Chat("after", Stockholm.Local(2026, 1, 17, 0, 0)).Started(),
            ]);

        Assert.Equal(3, figures.Conversations);
        Assert.Equal("2026-01-14", figures.From);
        Assert.Equal("2026-01-16", figures.To);
        Assert.Equal("Europe/Stockholm", figures.TimeZone);
    }

    [Fact]
    public void The_short_day_in_March_ends_at_local_midnight_in_summer_time()
    {
        var day = new DateOnly(2026, 3, 29);

        var figures = Report.For(
            new InsightQuery(day, day, null),
            [
                new Chat("23:50 on the 28th", Stockholm.Utc(2026, 3, 28, 22, 50)).Started(),
                new Chat("00:10 on the 29th", Stockholm.Utc(2026, 3, 28, 23, 10)).Started(),
                new Chat("23:50 on the 29th", Stockholm.Utc(2026, 3, 29, 21, 50)).Started(),
                new Chat("00:10 on the 30th", Stockholm.Utc(2026, 3, 29, 22, 10)).Started(),
            ]);

        Assert.Equal(2, figures.Conversations);
        Assert.Equal(1, Hour(figures, 0).Conversations);
        Assert.Equal(1, Hour(figures, 23).Conversations);
    }

    [Fact]
    public void The_long_day_in_October_ends_at_local_midnight_in_winter_time()
    {
        var day = new DateOnly(2026, 10, 25);

        var figures = Report.For(
            new InsightQuery(day, day, null),
            [
                new Chat("23:50 on the 24th", Stockholm.Utc(2026, 10, 24, 21, 50)).Started(),
                new Chat("00:10 on the 25th", Stockholm.Utc(2026, 10, 24, 22, 10)).Started(),
                new Chat("23:50 on the 25th", Stockholm.Utc(2026, 10, 25, 22, 50)).Started(),
                new Chat("00:10 on the 26th", Stockholm.Utc(2026, 10, 25, 23, 10)).Started(),
            ]);

        Assert.Equal(2, figures.Conversations);
        Assert.Equal(1, Hour(figures, 0).Conversations);
        Assert.Equal(1, Hour(figures, 23).Conversations);
    }

    [Fact]
    public void The_repeated_hour_in_October_counts_both_of_its_conversations_at_two_oclock()
    {
        var day = new DateOnly(2026, 10, 25);

        // 02:30 summer time (00:30 UTC), then 02:30 winter time (01:30 UTC).
        var figures = Report.For(
            new InsightQuery(day, day, null),
            [new Chat("first 02:30", Stockholm.Utc(2026, 10, 25, 0, 30)).Started(), new Chat("second 02:30", Stockholm.Utc(2026, 10, 25, 1, 30)).Started()]);

        Assert.Equal(2, Hour(figures, 2).Conversations);
        Assert.Equal(2, figures.VolumeByHour.Sum(hour => hour.Conversations));
    }

    [Theory]
    [InlineData(1, 8)]
    [InlineData(7, 9)]
    public void Volume_by_hour_is_in_local_time(int month, int localHour)
    {
        var day = new DateOnly(2026, month, 15);

        var figures = Report.For(new InsightQuery(day, day, null), [new Chat("morning", Stockholm.Utc(2026, month, 15, 7, 30)).Started()]);

        Assert.Equal(Enumerable.Range(0, 24), figures.VolumeByHour.Select(hour => hour.Hour));
        Assert.Equal(localHour, Assert.Single(figures.VolumeByHour, hour => hour.Conversations > 0).Hour);
    }

    [Fact]
    public void Outside_opening_hours_is_decided_at_the_instant_the_conversation_started()
    {
        // Open 09–17 Stockholm time.
        static bool IsOpen(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Stockholm.Zone).Hour is >= 9 and < 17;
        var seen = new List<DateTimeOffset>();

        var figures = Report.For(
            new InsightQuery(Report.Day, Report.Day, null),
            [
                new Chat("before opening", Stockholm.Local(2026, 1, 15, 8, 50)).Started().At(Stockholm.Local(2026, 1, 15, 9, 10)).Says("RegisterDevice"),
                new Chat("open", Stockholm.Local(2026, 1, 15, 10, 0)).Started(),
                new Chat("open too", Stockholm.Local(2026, 1, 15, 10, 30)).Started(),
                new Chat("evening", Stockholm.Local(2026, 1, 15, 20, 0)).Started(),
            ],
            isOpen: at =>
            {
                seen.Add(at);
                return IsOpen(at);
            });

        Assert.Equal(new HourVolume(8, 1, 1), Hour(figures, 8));
        Assert.Equal(new HourVolume(9, 0, 0), Hour(figures, 9));
        Assert.Equal(new HourVolume(10, 2, 0), Hour(figures, 10));
        Assert.Equal(new HourVolume(20, 1, 1), Hour(figures, 20));
        Assert.Equal(2, figures.VolumeByHour.Sum(hour => hour.OutsideOpeningHours));
        Assert.Contains(Stockholm.Local(2026, 1, 15, 8, 50), seen);
        Assert.DoesNotContain(Stockholm.Local(2026, 1, 15, 9, 10), seen);
    }

    [Fact]
    public void A_conversation_begun_the_day_before_is_not_counted_though_it_went_on_in_the_range()
    {
        var early = new Chat("early", Stockholm.Local(2026, 1, 14, 23, 50)).Started()
            .At(Stockholm.Local(2026, 1, 15, 0, 5)).Says(Intents.HumanAgent, "rule:Person").HandoffRequested().Queued().Accepted(30).Closed(200).Rating(5);
        var message = early.Unanswered("har ni öppet på julafton?");

        var figures = Report.For(new InsightQuery(Report.Day, Report.Day, null), [early], [message]);

        Assert.Equal(0, figures.Conversations);
        Assert.Equal(0, figures.EngagedConversations);
        Assert.Null(figures.AverageRating);
        Assert.Equal(new HandoffCounts(0, 0, 0, 0, 0, 0), figures.Handoffs);
        Assert.Empty(figures.TopIntents);
        Assert.Empty(figures.Escalations);
        Assert.Equal(0, figures.QueueWait.Count);
        Assert.Empty(figures.Unanswered);
    }

    [Fact]
    public void Everything_a_conversation_of_the_range_did_after_midnight_counts_with_it()
    {
        var late = new Chat("late", Stockholm.Local(2026, 1, 15, 23, 55)).Started().Says(Intents.HumanAgent, "rule:Person").HandoffRequested().Queued()
            .At(Stockholm.Local(2026, 1, 16, 0, 10)).Accepted(900).Closed(300).Rating(4);

        var figures = Report.Of(late);

        Assert.Equal(1, figures.Conversations);
        Assert.Equal(4.0, figures.AverageRating);
        Assert.Equal(new HandoffCounts(1, 1, 1, 1, 0, 0), figures.Handoffs);
        Assert.Equal(900.0, figures.QueueWait.Max);
        Assert.Equal(1.0, figures.EscalationRate);
    }

    private static HourVolume Hour(InsightFigures figures, int hour) => Assert.Single(figures.VolumeByHour, row => row.Hour == hour);

    private static DateTimeOffset Instant(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
