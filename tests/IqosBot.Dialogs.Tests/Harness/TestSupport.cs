using IqosBot.Dialogs.Support;

namespace IqosBot.Dialogs.Tests.Harness;

/// <summary>Customer care's details as configured in production (Bot/appsettings.json).</summary>
public static class TestSupport
{
    public const string Phone = "020-25 10 10";
    public const string Email = "contact.se@iqos.com";

    /// <summary>The policy figures as configured in production (Bot/appsettings.json).</summary>
    public static PolicyOptions Policy() => new()
    {
        MoneyBackDays = 60, MoneyBackMaxDevices = 3, ReturnDays = 14, WarrantyMonths = 12,
        AccidentalDamageMonths = 12, BenefitProgramMonths = 12, AccessoriesDiscountPercent = 10,
    };

    public static SupportOptions Options() => new()
    {
        Phone = Phone,
        Email = Email,
        TimeZone = "Europe/Stockholm",
        OpeningHours =
        [
            new OpeningHoursRule { From = DayOfWeek.Monday, To = DayOfWeek.Friday, Open = new TimeOnly(8, 0), Close = new TimeOnly(19, 0) },
            new OpeningHoursRule { From = DayOfWeek.Saturday, To = DayOfWeek.Sunday, Open = new TimeOnly(10, 0), Close = new TimeOnly(18, 0) },
        ],
    };
}
