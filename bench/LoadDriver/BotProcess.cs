using System.Globalization;
using System.Runtime.InteropServices;

namespace IqosBot.Bench.LoadDriver;

/// <summary>
/// What Linux knows about the bot's process: CPU time from /proc/PID/stat and peak resident memory
/// from /proc/PID/status. Read from outside, so the bot needs no instrumentation and the driver's own
/// CPU is never counted.
/// </summary>
public sealed class BotProcess(int pid)
{
    public int Pid => pid;

    /// <summary>Clock ticks per second of /proc's CPU times (normally 100, i.e. 10 ms resolution).</summary>
    public static long TicksPerSecond { get; } = ClockTicks();

    public bool IsAlive => Directory.Exists($"/proc/{pid}");

    /// <summary>utime + stime of every thread of the process, in clock ticks.</summary>
    public long CpuTicks()
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        // The command name (field 2) is in parentheses and may hold spaces; fields after it split cleanly.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // fields[0] is field 3 (state), so utime (field 14) and stime (field 15) are at 11 and 12.
        return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
    }

    /// <summary>VmHWM, the peak resident set size, in KiB.</summary>
    public long PeakResidentKiB()
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        }
        throw new InvalidOperationException($"/proc/{pid}/status has no VmHWM");
    }

    private static long ClockTicks()
    {
        try
        {
            var ticks = sysconf(ScClkTck);
            return ticks > 0 ? ticks : 100;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return 100;
        }
    }

    private const int ScClkTck = 2; // _SC_CLK_TCK in glibc and musl

    [DllImport("libc", SetLastError = false)]
    private static extern long sysconf(int name);
}
