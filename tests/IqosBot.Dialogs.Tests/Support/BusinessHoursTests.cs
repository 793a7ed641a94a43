using System.ComponentModel.DataAnnotations;
using System.Globalization;
using IqosBot.Dialogs.Language;
using IqosBot.Dialogs.Support;
using IqosBot.Dialogs.Tests.Harness;

namespace IqosBot.Dialogs.Tests.Support;

/// <summary>
/// The seed hours (Monday–Friday 08.00–19.00, Saturday–Sunday 10.00–18.00, Europe/Stockholm). Instants
/// are passed in UTC, built from Stockholm wall-clock times, so the tests also prove the conversion.
/// </summary>
public sealed class BusinessHoursTests
{
    private static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    [Theory]
    [InlineData("2026-06-10 07:59", false)] // Wednesday
    [InlineData("2026-06-10 08:00", true)]
    [InlineData("2026-06-10 18:59", true)]
    [InlineData("2026-06-10 19:00", false)]
    [InlineData("2026-06-10 00:00", false)]
    [InlineData("2026-06-13 09:59", false)] // Saturday
    [InlineData("2026-06-13 10:00", true)]
    [InlineData("2026-06-13 17:59", true)]
    [InlineData("2026-06-13 18:00", false)]
    [InlineData("2026-06-14 09:59", false)] // Sunday
    [InlineData("2026-06-14 10:00", true)]
    [InlineData("2026-06-14 17:59", true)]
    [InlineData("2026-06-14 18:00", false)]
    [InlineData("2027-01-15 07:59", false)] // Friday in winter time (+01:00)
    [InlineData("2027-01-15 08:00", true)]
    public void Open_from_opening_time_until_just_before_closing_time(string local, bool open)
        => Assert.Equal(open, new BusinessHours(TestSupport.Options()).IsOpen(At(local)));

    [Fact]
    public void An_instant_in_another_offset_is_read_on_the_stockholm_clock()
    {
        var hours = new BusinessHours(TestSupport.Options());

        // 15:30 in Tokyo is 08:30 in Stockholm (summer time): open, though 15:30 UTC-wise would be too.
        Assert.True(hours.IsOpen(new DateTimeOffset(2026, 6, 10, 15, 30, 0, TimeSpan.FromHours(9))));

        // 07:30 UTC is 09:30 in Stockholm on a Saturday: still closed, though 07:30 local would be too.
        Assert.False(hours.IsOpen(new DateTimeOffset(2026, 6, 13, 7, 30, 0, TimeSpan.Zero)));
    }

    [Theory]
    [InlineData(DayOfWeek.Friday, true)]
    [InlineData(DayOfWeek.Saturday, true)]
    [InlineData(DayOfWeek.Sunday, true)]
    [InlineData(DayOfWeek.Monday, true)]
    [InlineData(DayOfWeek.Tuesday, false)]
    [InlineData(DayOfWeek.Thursday, false)]
    public void A_run_of_weekdays_may_wrap_past_sunday(DayOfWeek day, bool open)
    {
        var options = TestSupport.Options();
        options.OpeningHours = [new OpeningHoursRule { From = DayOfWeek.Friday, To = DayOfWeek.Monday, Open = new TimeOnly(9, 0), Close = new TimeOnly(17, 0) }];

        // 2026-06-08 is a Monday.
        var date = new DateOnly(2026, 6, 8).AddDays(((int)day - (int)DayOfWeek.Monday + 7) % 7);
        Assert.Equal(open, new BusinessHours(options).IsOpen(At(date, 12, 0)));
    }

    [Fact]
    public void A_day_closed_by_exception_is_closed_at_noon_and_opens_again_the_next_day()
    {
        var hours = new BusinessHours(WithChristmas());

        Assert.False(hours.IsOpen(At("2026-12-24 12:00")));
        Assert.False(hours.IsOpen(At("2026-12-24 08:00")));
        Assert.Equal(At("2026-12-25 08:00"), hours.NextOpening(At("2026-12-24 12:00")));
    }

    [Fact]
    public void Closed_in_the_evening_before_a_closed_day_skips_it()
        => Assert.Equal(At("2026-12-25 08:00"), new BusinessHours(WithChristmas()).NextOpening(At("2026-12-23 19:30")));

    [Theory]
    [InlineData("2026-12-23 08:00", false)] // the weekly rule would open at 08.00
    [InlineData("2026-12-23 09:59", false)]
    [InlineData("2026-12-23 10:00", true)]
    [InlineData("2026-12-23 14:59", true)]
    [InlineData("2026-12-23 15:00", false)]
    [InlineData("2026-12-23 17:00", false)] // the weekly rule would still be open
    [InlineData("2026-12-22 17:00", true)] // the day before keeps the weekly rule
    public void A_day_with_shorter_hours_uses_them_instead_of_the_weekly_rule(string local, bool open)
        => Assert.Equal(open, new BusinessHours(WithChristmas()).IsOpen(At(local)));

    [Fact]
    public void Before_shorter_hours_the_next_opening_is_their_start()
        => Assert.Equal(At("2026-12-23 10:00"), new BusinessHours(WithChristmas()).NextOpening(At("2026-12-23 08:30")));

    [Fact]
    public void An_exception_may_open_a_day_the_weekly_rules_keep_closed()
    {
        var options = TestSupport.Options();
        options.OpeningHours = [new OpeningHoursRule { From = DayOfWeek.Monday, To = DayOfWeek.Friday, Open = new TimeOnly(8, 0), Close = new TimeOnly(19, 0) }];
        options.Exceptions = [new OpeningHoursException { Date = new DateOnly(2026, 6, 13), Open = new TimeOnly(11, 0), Close = new TimeOnly(13, 0), Name = "Extra" }];
        var hours = new BusinessHours(options);

        Assert.True(hours.IsOpen(At("2026-06-13 12:00")));
        Assert.Equal(At("2026-06-13 11:00"), hours.NextOpening(At("2026-06-12 19:30")));
    }

    [Theory]
    [InlineData("2026-06-12 19:30", "2026-06-13 10:00")] // Friday evening → Saturday
    [InlineData("2026-06-13 18:00", "2026-06-14 10:00")] // Saturday at closing → Sunday
    [InlineData("2026-06-14 18:30", "2026-06-15 08:00")] // Sunday evening → Monday
    [InlineData("2026-06-10 06:00", "2026-06-10 08:00")] // early morning → the same day
    [InlineData("2026-06-10 00:00", "2026-06-10 08:00")]
    [InlineData("2026-06-09 23:59", "2026-06-10 08:00")]
    public void Next_opening_when_closed(string local, string expected)
    {
        var next = new BusinessHours(TestSupport.Options()).NextOpening(At(local));

        Assert.Equal(At(expected), next);
        Assert.Equal(TimeSpan.FromHours(2), next!.Value.Offset);
    }

    [Fact]
    public void When_open_the_next_opening_is_now()
    {
        var now = At("2026-06-10 12:34");

        Assert.Equal(now, new BusinessHours(TestSupport.Options()).NextOpening(now));
    }

    [Fact]
    public void Next_opening_across_the_change_to_summer_time_has_the_summer_offset()
    {
        var next = new BusinessHours(TestSupport.Options()).NextOpening(At("2027-03-27 20:00"));

        Assert.Equal(new DateTimeOffset(2027, 3, 28, 10, 0, 0, TimeSpan.FromHours(2)), next);
        Assert.Equal(TimeSpan.FromHours(2), next!.Value.Offset);
        Assert.Equal(new DateTime(2027, 3, 28, 8, 0, 0, DateTimeKind.Utc), next.Value.UtcDateTime);
    }

    [Fact]
    public void Next_opening_across_the_change_to_winter_time_has_the_winter_offset()
    {
        var next = new BusinessHours(TestSupport.Options()).NextOpening(At("2026-10-24 20:00"));

        Assert.Equal(new DateTimeOffset(2026, 10, 25, 10, 0, 0, TimeSpan.FromHours(1)), next);
        Assert.Equal(TimeSpan.FromHours(1), next!.Value.Offset);
    }

    [Fact]
    public void An_opening_time_the_clock_skips_opens_when_the_clock_jumps_past_it()
    {
        // 02.00–03.00 does not exist in Stockholm on 2027-03-28.
        var options = TestSupport.Options();
        options.OpeningHours = [new OpeningHoursRule { From = DayOfWeek.Sunday, To = DayOfWeek.Sunday, Open = new TimeOnly(2, 30), Close = new TimeOnly(5, 0) }];
        var hours = new BusinessHours(options);

        var next = hours.NextOpening(At("2027-03-28 01:00"));

        Assert.Equal(new DateTimeOffset(2027, 3, 28, 3, 0, 0, TimeSpan.FromHours(2)), next);
        Assert.True(hours.IsOpen(next!.Value));
        Assert.False(hours.IsOpen(next.Value.AddTicks(-1)));
    }

    [Fact]
    public void Nothing_within_sixty_days_gives_no_next_opening()
    {
        var options = TestSupport.Options();
        options.OpeningHours = [];
        var now = At("2026-06-10 12:00");

        options.Exceptions = [new OpeningHoursException { Date = new DateOnly(2026, 6, 10).AddDays(61), Open = new TimeOnly(8, 0), Close = new TimeOnly(9, 0) }];
        Assert.Null(new BusinessHours(options).NextOpening(now));

        options.Exceptions = [new OpeningHoursException { Date = new DateOnly(2026, 6, 10).AddDays(60), Open = new TimeOnly(8, 0), Close = new TimeOnly(9, 0) }];
        Assert.Equal(At(new DateOnly(2026, 6, 10).AddDays(60), 8, 0), new BusinessHours(options).NextOpening(now));
    }

    [Theory]
    [InlineData(CustomerLanguage.Swedish, "2026-06-10 07:00", "2026-06-10 08:00", "i dag kl. 08.00")]
    [InlineData(CustomerLanguage.English, "2026-06-10 07:00", "2026-06-10 08:00", "today at 08.00")]
    [InlineData(CustomerLanguage.Swedish, "2026-06-12 19:30", "2026-06-13 10:00", "i morgon kl. 10.00")]
    [InlineData(CustomerLanguage.English, "2026-06-12 19:30", "2026-06-13 10:00", "tomorrow at 10.00")]
    [InlineData(CustomerLanguage.Swedish, "2026-06-08 12:00", "2026-06-11 08:00", "på torsdag kl. 08.00")]
    [InlineData(CustomerLanguage.English, "2026-06-08 12:00", "2026-06-11 08:00", "on Thursday at 08.00")]
    [InlineData(CustomerLanguage.Swedish, "2026-06-08 12:00", "2026-06-14 10:00", "på söndag kl. 10.00")] // six days: still a weekday
    [InlineData(CustomerLanguage.Swedish, "2026-06-08 12:00", "2026-06-15 08:00", "den 15 juni kl. 08.00")] // seven days: a date
    [InlineData(CustomerLanguage.English, "2026-06-08 12:00", "2026-06-15 08:00", "on 15 June at 08.00")]
    [InlineData(CustomerLanguage.Swedish, "2026-12-24 12:00", "2027-01-02 10:00", "den 2 januari kl. 10.00")]
    [InlineData(CustomerLanguage.English, "2026-12-24 12:00", "2027-01-02 10:00", "on 2 January at 10.00")]
    public void The_next_opening_in_words(string language, string now, string opening, string expected)
        => Assert.Equal(expected, new BusinessHours(TestSupport.Options()).DescribeOpening(At(now), At(opening), language));

    [Fact]
    public void Today_and_tomorrow_are_counted_on_the_stockholm_calendar_not_utc()
    {
        var hours = new BusinessHours(TestSupport.Options());

        // 00:30 Saturday in Stockholm is still Friday in UTC; Saturday 10.00 is today.
        Assert.Equal("i dag kl. 10.00", hours.DescribeOpening(At("2026-06-13 00:30"), At("2026-06-13 10:00"), CustomerLanguage.Swedish));

        // 23:30 Friday in Stockholm is 21:30 UTC; Saturday 10.00 is tomorrow.
        Assert.Equal("tomorrow at 10.00", hours.DescribeOpening(At("2026-06-12 23:30"), At("2026-06-13 10:00"), CustomerLanguage.English));
    }

    [Fact]
    public void The_next_opening_after_christmas_eve_described()
    {
        var hours = new BusinessHours(WithChristmas());
        var now = At("2026-12-24 12:00");

        Assert.Equal("i morgon kl. 08.00", hours.DescribeOpening(now, hours.NextOpening(now)!.Value, CustomerLanguage.Swedish));
    }

    [Fact]
    public void The_seed_hours_and_sensible_exceptions_are_valid()
        => Assert.Empty(Validate(WithChristmas()));

    [Theory]
    [InlineData(false, null, null)] // neither closed nor hours
    [InlineData(false, "10:00", null)]
    [InlineData(false, null, "15:00")]
    [InlineData(false, "15:00", "15:00")]
    [InlineData(false, "15:00", "10:00")]
    [InlineData(true, "10:00", "15:00")] // closed, and yet hours
    public void A_bad_exception_is_rejected(bool closed, string? open, string? close)
    {
        var options = TestSupport.Options();
        options.Exceptions =
        [
            new OpeningHoursException { Date = new DateOnly(2026, 12, 24), Closed = closed, Open = Time(open), Close = Time(close) },
        ];

        var error = Assert.Single(Validate(options));
        Assert.Contains("2026-12-24", error.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal([nameof(SupportOptions.Exceptions)], error.MemberNames);
    }

    [Fact]
    public void The_same_date_twice_is_rejected()
    {
        var options = WithChristmas();
        options.Exceptions.Add(new OpeningHoursException { Date = new DateOnly(2026, 12, 24), Open = new TimeOnly(10, 0), Close = new TimeOnly(12, 0) });

        var error = Assert.Single(Validate(options));
        Assert.Contains("more than once", error.ErrorMessage, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new BusinessHours(options));
    }

    [Fact]
    public void A_weekly_rule_that_does_not_open_before_it_closes_is_rejected()
    {
        var options = TestSupport.Options();
        options.OpeningHours[1].Close = options.OpeningHours[1].Open;

        var error = Assert.Single(Validate(options));
        Assert.Equal([nameof(SupportOptions.OpeningHours)], error.MemberNames);
    }

    [Fact]
    public void An_unknown_time_zone_is_rejected()
    {
        var options = TestSupport.Options();
        options.TimeZone = "Europe/Atlantis";

        var error = Assert.Single(Validate(options));
        Assert.Equal([nameof(SupportOptions.TimeZone)], error.MemberNames);
    }

    /// <summary>The seed hours with Christmas Eve closed and shorter hours the day before.</summary>
    private static SupportOptions WithChristmas()
    {
        var options = TestSupport.Options();
        options.Exceptions =
        [
            new OpeningHoursException { Date = new DateOnly(2026, 12, 23), Open = new TimeOnly(10, 0), Close = new TimeOnly(15, 0), Name = "Dan före julafton" },
            new OpeningHoursException { Date = new DateOnly(2026, 12, 24), Closed = true, Name = "Julafton" },
        ];
        return options;
    }

    /// <summary>Validates as options validation does at startup (ValidateDataAnnotations).</summary>
    private static List<ValidationResult> Validate(SupportOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }

    /// <summary>"2026-06-10 08:00" on the Stockholm wall clock, as a UTC instant.</summary>
    private static DateTimeOffset At(string local)
    {
        var parsed = DateTime.ParseExact(local, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        return At(DateOnly.FromDateTime(parsed), parsed.Hour, parsed.Minute);
    }

    private static DateTimeOffset At(DateOnly date, int hour, int minute)
        => new(TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(new TimeOnly(hour, minute)), Stockholm), TimeSpan.Zero);

    private static TimeOnly? Time(string? text)
        => text is null ? null : TimeOnly.ParseExact(text, "HH:mm", CultureInfo.InvariantCulture);
}
