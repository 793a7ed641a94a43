using System.Globalization;
using System.Text.RegularExpressions;
using IqosBot.Dialogs.Choices;

namespace IqosBot.Dialogs.Understanding;

/// <summary>What the customer's answer to "when did you buy it?" resolved to.</summary>
/// <param name="Date">The purchase date; set only when <paramref name="Problem"/> is <see cref="PurchaseDateProblem.None"/>.</param>
/// <param name="Problem">Why there is no date, so the dialog can ask again with the right hint.</param>
public sealed record PurchaseDateResult(DateOnly? Date, PurchaseDateProblem Problem)
{
    public static PurchaseDateResult Found(DateOnly date) => new(date, PurchaseDateProblem.None);

    public static readonly PurchaseDateResult NotUnderstood = new(null, PurchaseDateProblem.NotUnderstood);

    public static readonly PurchaseDateResult InTheFuture = new(null, PurchaseDateProblem.InTheFuture);
}

public enum PurchaseDateProblem
{
    None,
    NotUnderstood,
    InTheFuture,
}

/// <summary>
/// Reads a purchase date from free text in Swedish or English. Both languages are always tried, whatever
/// the conversation language, because customers mix ("jag köpte den last friday").
/// </summary>
/// <remarks>
/// <para>
/// Deliberately culture-free: no <see cref="DateTime.Parse(string)"/>, only our own patterns and
/// <see cref="CultureInfo.InvariantCulture"/> integer parsing, so the result never depends on the server's locale.
/// Numbers are always read day first (Swedish order); "3/15" is an invalid date, not 15 March.
/// </para>
/// <para>
/// Resolution order: an explicit calendar date ("2026-03-15", "15/3", "15 mars") wins over relative words, because
/// customers often decorate a date ("fredagen den 20 november"). Relative expressions ("igår", "i fredags",
/// "3 days ago") are all collected; if they disagree ("igår eller i förrgår") we would rather ask again than guess.
/// </para>
/// <para>
/// Very old dates are returned as-is: the benefits API knows each model's launch date and rejects impossible ones,
/// so a typo like "2006" is caught there with a better message than we could give here.
/// </para>
/// </remarks>
public static partial class PurchaseDateParser
{
    // Folded (lower case, no diacritics) month names, longest first so abbreviations never shadow full names.
    private const string MonthNames =
        "januari|january|februari|february|mars|march|april|maj|may|juni|june|juli|july|augusti|august|"
        + "september|sept|oktober|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|okt|oct|nov|dec";

    private const string WeekdayNames =
        "mandag|tisdag|onsdag|torsdag|fredag|lordag|sondag|monday|tuesday|wednesday|thursday|friday|saturday|sunday";

    private const string NumberWords =
        "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|an|a|"
        + "en|ett|tva|tre|fyra|fem|sex|sju|atta|nio|tio|elva|tolv";

    // "15:e", "1:a", "15e", "15th", "1st", "2nd", "3rd".
    private const string OrdinalSuffix = "(?::?(?:e|a|st|nd|rd|th))?";

    // Ranges ("3-4 dagar sedan", "15 eller 16 mars", "two or three weeks ago") must not be read as their last number,
    // which would silently pick one end. The guard sits before a number: it may not follow another number (digits,
    // optionally with an ordinal suffix and a connector) or a number word joined by a connector. A number word
    // alone before it is allowed: "köpte en 3 dagar sedan" is "bought one 3 days ago".
    private const string Connector = "eller|or|och|and|till|to|a";
    private const string NotAfterAnotherNumber =
        @"(?<!(?:[0-9]" + OrdinalSuffix + @"\s+(?:(?:" + Connector + @")\s+)?|\b(?:" + NumberWords + @")\s+(?:" + Connector + @")\s+))";

    // The mirror image, after a month-first date's day: "mars 15-16", "march 15 or 16". A four-digit year may follow.
    private const string NotBeforeAnotherNumber = @"(?!\s+(?:(?:" + Connector + @")\s+)?[0-9]{1,2}(?![0-9]))";

    // An optional year after a day and month: "2025", or words for this/last year ("15 mars i fjol").
    private const string OptionalYear =
        @"(?:\s+(?:(?<year>[0-9]{4})(?![0-9])|(?<lastYear>forra\s+aret|i\s*fjol|last\s+year)|(?<thisYear>i\s*ar|this\s+year))\b)?";

    /// <summary>Reads the purchase date in <paramref name="text"/>.</summary>
    /// <param name="text">The customer's answer, Swedish or English.</param>
    /// <param name="today">The customer's current date in Europe/Stockholm (passed in so tests can fix it).</param>
    public static PurchaseDateResult Parse(string? text, DateOnly today)
    {
        try
        {
            return ParseDate(text, today);
        }
        catch (RegexMatchTimeoutException)
        {
            return PurchaseDateResult.NotUnderstood;
        }
    }

    /// <summary>An answer to "when did you buy it?" is short; a longer message is not read for a date.</summary>
    private const int MaximumScan = 2000;

    private static PurchaseDateResult ParseDate(string? text, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaximumScan)
        {
            return PurchaseDateResult.NotUnderstood;
        }

        // Numeric dates are read from the raw text: folding turns "-", "/" and "." into spaces, and the separators
        // are what tell "2026-03-15" from a sentence that merely contains numbers.
        var raw = text.Trim();
        var folded = TextNormalizer.Fold(raw);

        var explicitDates = ExplicitDates(raw, folded, today).Distinct().ToList();
        if (explicitDates.Count > 0)
        {
            // Two different explicit dates ("15 eller 16 mars"): ask again rather than pick one.
            return explicitDates.Count == 1 ? Resolve(explicitDates[0], today) : PurchaseDateResult.NotUnderstood;
        }

        // No match at all covers a month on its own ("i mars", "in march") and a year on its own ("förra året"):
        // NotUnderstood on purpose. The warranty and the benefits depend on the exact day, and guessing the 1st or
        // the 15th would silently give the customer a wrong coverage end date; asking again costs one turn.
        var relativeDates = RelativeDates(folded, today).Distinct().ToList();
        return relativeDates.Count == 1 ? Resolve(relativeDates[0], today) : PurchaseDateResult.NotUnderstood;
    }

    private static PurchaseDateResult Resolve(DateOnly date, DateOnly today)
        => date > today ? PurchaseDateResult.InTheFuture : PurchaseDateResult.Found(date);

    // ---- Explicit calendar dates -------------------------------------------------------------------------------

    private static IEnumerable<DateOnly> ExplicitDates(string raw, string folded, DateOnly today)
    {
        // Invalid matches ("31/2", "kl 15.30") are skipped rather than fatal, so "igår kl 15.30" still reads as
        // yesterday; with nothing else to go on they end as NotUnderstood anyway.
        foreach (Match m in IsoDateRegex().Matches(raw))
        {
            if (Create(Int(m, "year"), Int(m, "month"), Int(m, "day")) is { } date)
            {
                yield return date;
            }
        }

        foreach (Match m in CompactIsoDateRegex().Matches(raw))
        {
            if (Create(Int(m, "year"), Int(m, "month"), Int(m, "day")) is { } date)
            {
                yield return date;
            }
        }

        foreach (Match m in DayMonthYearRegex().Matches(raw))
        {
            if (Create(Int(m, "year"), Int(m, "month"), Int(m, "day")) is { } date)
            {
                yield return date;
            }
        }

        foreach (Match m in DayMonthNumericRegex().Matches(raw))
        {
            if (MostRecent(Int(m, "month"), Int(m, "day"), today) is { } date)
            {
                yield return date;
            }
        }

        foreach (Match m in DayThenMonthNameRegex().Matches(folded))
        {
            if (WithMonthName(m, today) is { } date)
            {
                yield return date;
            }
        }

        foreach (Match m in MonthNameThenDayRegex().Matches(folded))
        {
            if (WithMonthName(m, today) is { } date)
            {
                yield return date;
            }
        }
    }

    private static DateOnly? WithMonthName(Match m, DateOnly today)
    {
        var month = DateWords.Months[m.Groups["month"].Value];
        var day = Int(m, "day");
        if (m.Groups["year"].Success)
        {
            return Create(Int(m, "year"), month, day);
        }

        if (m.Groups["lastYear"].Success)
        {
            return Create(today.Year - 1, month, day);
        }

        // "i år" is taken literally, so "15 december i år" in November is reported as in the future, not moved back.
        return m.Groups["thisYear"].Success ? Create(today.Year, month, day) : MostRecent(month, day, today);
    }

    /// <summary>
    /// A day and month without a year: this year, or last year if this year's date is still ahead. The choice is
    /// made on the calendar position before validating, so "29 februari" in January 2025 means 2024-02-29, while
    /// in March 2025 it means the non-existent 2025-02-29 and is rejected (more likely a typo than a year-old purchase).
    /// </summary>
    private static DateOnly? MostRecent(int month, int day, DateOnly today)
    {
        var notYetThisYear = month > today.Month || (month == today.Month && day > today.Day);
        return Create(notYetThisYear ? today.Year - 1 : today.Year, month, day);
    }

    private static DateOnly? Create(int year, int month, int day)
        => year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;

    private static int Int(Match m, string group)
        => int.Parse(m.Groups[group].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);

    // ---- Relative expressions ----------------------------------------------------------------------------------

    private static IEnumerable<DateOnly> RelativeDates(string folded, DateOnly today)
    {
        var weekdays = WeekdayRegex().Matches(folded);
        var lastWeekWithWeekday = false;

        foreach (Match m in PeriodRegex().Matches(folded))
        {
            var past = m.Groups["dir"].Value is "forra" or "forr" or "last" or "previous";
            var isWeek = m.Groups["unit"].Value is "veckan" or "vecka" or "week";
            if (isWeek && past && weekdays.Count > 0)
            {
                // "i fredags förra veckan" / "friday last week": the weekday narrows the week down (below).
                lastWeekWithWeekday = true;
                continue;
            }

            // "Förra veckan" is vague; a week ago is the documented reading. "Förra månaden" keeps the day of month,
            // clamped (AddMonths turns 31 March into 28/29 February).
            var sign = past ? -1 : 1;
            if ((isWeek ? AddDays(today, sign * 7) : AddMonths(today, sign)) is { } date)
            {
                yield return date;
            }
        }

        foreach (Match m in weekdays)
        {
            var dayOfWeek = DateWords.Weekdays[m.Groups["day"].Value];
            if (m.Groups["next"].Success)
            {
                // "nästa fredag" / "next friday": only ever in the future, reported as such.
                var ahead = ((int)dayOfWeek - (int)today.DayOfWeek + 7) % 7;
                yield return today.AddDays(ahead == 0 ? 7 : ahead);
            }
            else if (lastWeekWithWeekday)
            {
                // That weekday in the previous Monday-to-Sunday week (Swedish weeks start on Monday).
                var thisMonday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
                yield return thisMonday.AddDays(-7 + (((int)dayOfWeek + 6) % 7));
            }
            else
            {
                // "i fredags", "förra fredagen", "last friday", "on friday": the most recent one strictly before
                // today, so on a Friday "last friday" is a week ago (had they meant today they would say "today").
                var back = ((int)today.DayOfWeek - (int)dayOfWeek + 7) % 7;
                yield return today.AddDays(-(back == 0 ? 7 : back));
            }
        }

        foreach (Match m in AgoRegex().Matches(folded))
        {
            var count = m.Groups["n"].Success ? Int(m, "n") : DateWords.Numbers[m.Groups["word"].Value];
            DateOnly? date = m.Groups["unit"].Value switch
            {
                "dag" or "dagar" or "dar" or "day" or "days" => AddDays(today, -count),
                "vecka" or "veckor" or "week" or "weeks" => AddDays(today, -7L * count),
                "manad" or "manader" or "month" or "months" => AddMonths(today, -count),
                _ => AddMonths(today, -12L * count), // år / year(s)
            };
            if (date is { } value)
            {
                yield return value;
            }
        }

        foreach (Match m in DayWordRegex().Matches(folded))
        {
            yield return m.Groups["dayBeforeYesterday"].Success ? today.AddDays(-2)
                : m.Groups["yesterday"].Success ? today.AddDays(-1)
                : m.Groups["dayAfterTomorrow"].Success ? today.AddDays(2)
                : m.Groups["tomorrow"].Success ? today.AddDays(1)
                : today;
        }
    }

    // Overflow-safe arithmetic: "999 år sedan" must not throw, it simply is not a date.
    private static DateOnly? AddDays(DateOnly date, long days)
    {
        var dayNumber = date.DayNumber + days;
        return dayNumber >= DateOnly.MinValue.DayNumber && dayNumber <= DateOnly.MaxValue.DayNumber
            ? DateOnly.FromDayNumber((int)dayNumber)
            : null;
    }

    private static DateOnly? AddMonths(DateOnly date, long months)
    {
        var monthIndex = (date.Year * 12L) + date.Month - 1 + months;
        return monthIndex >= 12 && monthIndex < 10000 * 12L ? date.AddMonths((int)months) : null;
    }

    // ---- Patterns ----------------------------------------------------------------------------------------------
    // Numeric patterns run on the raw text with [0-9] (not \d, which also matches non-ASCII digits that
    // int.Parse would reject). The look-arounds stop a pattern from matching a piece of a longer number or date.

    /// <summary>"2026-03-15", "2026/3/15", "2026.03.15" (same separator twice).</summary>
    [GeneratedRegex(@"(?<![0-9./-])(?<year>[0-9]{4})(?<sep>[./-])(?<month>[0-9]{1,2})\k<sep>(?<day>[0-9]{1,2})(?![./-]?[0-9])", RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant, RegexLimits.TimeoutMilliseconds)]
    private static partial Regex IsoDateRegex();

    /// <summary>"20260315": only 19xx/20xx years, so an eight-digit order number rarely looks like a date.</summary>
    [GeneratedRegex(@"(?<![0-9])(?<year>(?:19|20)[0-9]{2})(?<month>[0-9]{2})(?<day>[0-9]{2})(?![0-9])", RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant, RegexLimits.TimeoutMilliseconds)]
    private static partial Regex CompactIsoDateRegex();

    /// <summary>
    /// "15/3/2026", "15.3.2026", "15-03-2026": day first. A four-digit year is required: "15-03-26" could be
    /// Swedish yy-mm-dd (2015-03-26) as well as dd-mm-yy, so two-digit years are left unmatched and asked again.
    /// </summary>
    [GeneratedRegex(@"(?<![0-9./-])(?<day>[0-9]{1,2})(?<sep>[./-])(?<month>[0-9]{1,2})\k<sep>(?<year>[0-9]{4})(?![./-]?[0-9])", RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant, RegexLimits.TimeoutMilliseconds)]
    private static partial Regex DayMonthYearRegex();

    /// <summary>"15/3", "15.3": day then month, year implied. Not "15-3", which reads like a range ("3-4 dagar").</summary>
    [GeneratedRegex(@"(?<![0-9./-])(?<day>[0-9]{1,2})[./](?<month>[0-9]{1,2})(?![./-]?[0-9])", RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant, RegexLimits.TimeoutMilliseconds)]
    private static partial Regex DayMonthNumericRegex();

    // The remaining patterns run on folded text: lower case, no diacritics, punctuation as single spaces.

    /// <summary>"15 mars", "den 15:e mars", "15th of March", "15mars 2025", "1 maj förra året".</summary>
    [GeneratedRegex(@"\b(?:(?:den|the)\s+)?" + NotAfterAnotherNumber + @"(?<day>[0-9]{1,2})" + OrdinalSuffix + @"\s*(?:of\s+)?(?<month>" + MonthNames + @")\b" + OptionalYear, RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant, RegexLimits.TimeoutMilliseconds)]
    private static partial Regex DayThenMonthNameRegex();

    /// <summary>
    /// "March 15", "march 15th", "March 15, 2025", "mars 15". The day may not run on into a time ("maj 15:00")
    /// or a year ("mars 2025" is a month only, hence NotUnderstood).
    /// </summary>
    [GeneratedRegex(@"\b(?<month>" + MonthNames + @")\s+(?:(?:the|den)\s+)?(?<day>[0-9]{1,2})" + OrdinalSuffix + @"(?![0-9:])\b" + NotBeforeAnotherNumber + OptionalYear, RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant, RegexLimits.TimeoutMilliseconds)]
    private static partial Regex MonthNameThenDayRegex();

    /// <summary>"förra veckan", "last month", "nästa vecka", "next month".</summary>
    [GeneratedRegex(@"\b(?<dir>forra|forr|last|previous|nasta|next|kommande)\s+(?<unit>veckan|vecka|week|manaden|manad|month)\b", RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant, RegexLimits.TimeoutMilliseconds)]
    private static partial Regex PeriodRegex();

    /// <summary>
    /// "i fredags", "ifredags", "förra fredagen", "last friday", "on friday", "nästa fredag". The trailing s/en/ar
    /// covers the Swedish forms (fredags, fredagen); a "förra"/"last" prefix needs no group, it means the same as none.
    /// </summary>
    [GeneratedRegex(@"\b(?:(?<next>nasta|next|kommande)\s+)?(?:i\s*)?(?<day>" + WeekdayNames + @")(?:s|en|ar)?\b", RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant, RegexLimits.TimeoutMilliseconds)]
    private static partial Regex WeekdayRegex();

    /// <summary>
    /// "för 3 dagar sedan", "3dagar sen", "två veckor sedan", "3 days ago", "a week ago", "ett år sedan".
    /// Digits may touch the unit ("3dagar"); number words need a space, so they cannot glue onto other words.
    /// </summary>
    [GeneratedRegex(@"\b" + NotAfterAnotherNumber + @"(?:(?<n>[0-9]{1,4})\s*|(?<word>" + NumberWords + @")\s+)(?<unit>dagar|dag|dar|days|day|veckor|vecka|weeks|week|manader|manad|months|month|ar|years|year)\s+(?:sedan|sen|tillbaka|ago)\b", RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant, RegexLimits.TimeoutMilliseconds)]
    private static partial Regex AgoRegex();

    /// <summary>
    /// Single words for a day, with or without the space ("igår"/"i går", folded to "igar"/"i gar"). Longer phrases
    /// come first and the scan is left to right, so "the day before yesterday" is never also read as "yesterday".
    /// "förgår" is a common misspelling of "förrgår", and "igaar" a way to type "igår" without å.
    /// "i morse"/"i kväll" (this morning/tonight) mean today.
    /// </summary>
    [GeneratedRegex(
        @"\b(?:(?<dayBeforeYesterday>i\s*forr?gaa?r|forr?gaa?r|(?:the\s+)?day\s+before\s+yesterday)"
        + @"|(?<dayAfterTomorrow>i\s*overmorgon|overmorgon|(?:the\s+)?day\s+after\s+tomorrow)"
        + @"|(?<yesterday>i\s*gaa?r|yesterday|last\s+night)"
        + @"|(?<tomorrow>i\s*morgon|i\s*morron|i\s*morn|tomorrow)"
        + @"|(?<today>i\s*dag|today|tonight|this\s+(?:morning|afternoon|evening)|i\s*morse|i\s*kvall|i\s*eftermiddag))\b",
        RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant, RegexLimits.TimeoutMilliseconds)]
    private static partial Regex DayWordRegex();
}
