namespace IqosBot.Dialogs.Support;

/// <summary>Today's date where customer care is (Europe/Stockholm), not on the server's clock.</summary>
public sealed class LocalClock
{
    private readonly TimeProvider _time;
    private readonly TimeZoneInfo _zone;

    public LocalClock(TimeProvider time, string timeZoneId)
    {
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _zone = TimeZoneInfo.FindSystemTimeZoneById(timeZoneId);
    }

    public DateTimeOffset Now => TimeZoneInfo.ConvertTime(_time.GetUtcNow(), _zone);

    public DateOnly Today => DateOnly.FromDateTime(Now.DateTime);
}
