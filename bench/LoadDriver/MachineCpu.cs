using System.Globalization;

namespace IqosBot.Bench.LoadDriver;

/// <summary>
/// The whole machine's busy CPU time from /proc/stat, in clock ticks. Against the bot's and the driver's
/// own share it shows whether something else (a build, a test run) was competing during the measurement:
/// on a shared machine that is the usual reason for a latency tail.
/// </summary>
public static class MachineCpu
{
    public static long BusyTicks()
    {
        using var reader = new StreamReader("/proc/stat");
        // "cpu  user nice system idle iowait irq softirq steal guest guest_nice"; guest time is inside user.
        var fields = (reader.ReadLine() ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 9 || fields[0] != "cpu")
            throw new InvalidDataException("/proc/stat does not start with the cpu line");
        long Field(int i) => long.Parse(fields[i], CultureInfo.InvariantCulture);
        return Field(1) + Field(2) + Field(3) + Field(6) + Field(7) + Field(8);
    }
}
