using Microsoft.Extensions.Options;

namespace IqosBot.Dialogs.Support;

/// <summary>Today's date where customer care is (Europe/Stockholm), not on the server's clock.</summary>
public sealed class LocalClock
{
    private readonly TimeProvider _time;
    private volatile TimeZoneInfo _zone;

    public LocalClock(TimeProvider time, string timeZoneId)
    {
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _zone = TimeZoneInfo.FindSystemTimeZoneById(timeZoneId);
    }

    /// <summary>Follows <see cref="SupportOptions.TimeZone"/> when configuration changes, as the opening hours do.</summary>
    public LocalClock(TimeProvider time, IOptionsMonitor<SupportOptions> support)
        : this(time, (support ?? throw new ArgumentNullException(nameof(support))).CurrentValue.TimeZone)
    {
        support.OnChange(changed => _zone = TimeZoneInfo.FindSystemTimeZoneById(changed.TimeZone));
    }

    public DateTimeOffset Now => TimeZoneInfo.ConvertTime(_time.GetUtcNow(), _zone);

    public DateOnly Today => DateOnly.FromDateTime(Now.DateTime);
}
