namespace IqosBot.Dialogs.Understanding;

/// <summary>The words of dates as customers write them, folded (lower case, no å/ä/ö), for <see cref="PurchaseDateParser"/>.</summary>
internal static class DateWords
{
    public static readonly Dictionary<string, int> Months = new(StringComparer.Ordinal)
    {
        ["januari"] = 1, ["january"] = 1, ["jan"] = 1,
        ["februari"] = 2, ["february"] = 2, ["feb"] = 2,
        ["mars"] = 3, ["march"] = 3, ["mar"] = 3,
        ["april"] = 4, ["apr"] = 4,
        ["maj"] = 5, ["may"] = 5,
        ["juni"] = 6, ["june"] = 6, ["jun"] = 6,
        ["juli"] = 7, ["july"] = 7, ["jul"] = 7,
        ["augusti"] = 8, ["august"] = 8, ["aug"] = 8,
        ["september"] = 9, ["sept"] = 9, ["sep"] = 9,
        ["oktober"] = 10, ["october"] = 10, ["okt"] = 10, ["oct"] = 10,
        ["november"] = 11, ["nov"] = 11,
        ["december"] = 12, ["dec"] = 12,
    };

    public static readonly Dictionary<string, DayOfWeek> Weekdays = new(StringComparer.Ordinal)
    {
        ["mandag"] = DayOfWeek.Monday, ["monday"] = DayOfWeek.Monday,
        ["tisdag"] = DayOfWeek.Tuesday, ["tuesday"] = DayOfWeek.Tuesday,
        ["onsdag"] = DayOfWeek.Wednesday, ["wednesday"] = DayOfWeek.Wednesday,
        ["torsdag"] = DayOfWeek.Thursday, ["thursday"] = DayOfWeek.Thursday,
        ["fredag"] = DayOfWeek.Friday, ["friday"] = DayOfWeek.Friday,
        ["lordag"] = DayOfWeek.Saturday, ["saturday"] = DayOfWeek.Saturday,
        ["sondag"] = DayOfWeek.Sunday, ["sunday"] = DayOfWeek.Sunday,
    };

    public static readonly Dictionary<string, int> Numbers = new(StringComparer.Ordinal)
    {
        ["a"] = 1, ["an"] = 1, ["one"] = 1, ["en"] = 1, ["ett"] = 1,
        ["two"] = 2, ["tva"] = 2,
        ["three"] = 3, ["tre"] = 3,
        ["four"] = 4, ["fyra"] = 4,
        ["five"] = 5, ["fem"] = 5,
        ["six"] = 6, ["sex"] = 6,
        ["seven"] = 7, ["sju"] = 7,
        ["eight"] = 8, ["atta"] = 8,
        ["nine"] = 9, ["nio"] = 9,
        ["ten"] = 10, ["tio"] = 10,
        ["eleven"] = 11, ["elva"] = 11,
        ["twelve"] = 12, ["tolv"] = 12,
    };
}
