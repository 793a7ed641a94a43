namespace IqosBot.Sandbox.Benefits;

/// <summary>
/// "Today" as the Swedish CRM sees it. A purchase made this morning in Stockholm is not in the future
/// just because UTC is still on yesterday, so dates are judged in Europe/Stockholm, not on the server's clock.
/// </summary>
internal sealed class SwedishCalendar(TimeProvider timeProvider)
{
    private static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(timeProvider.GetUtcNow(), Stockholm).DateTime);

    public DateTimeOffset Now => timeProvider.GetUtcNow();
}
