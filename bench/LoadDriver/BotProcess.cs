using System.Globalization;
using System.Runtime.InteropServices;

namespace IqosBot.Bench.LoadDriver;

/// <summary>
/// What Linux knows about the processes of a run: CPU time from /proc/PID/stat and peak resident memory
/// from /proc/PID/status, summed over the given processes (one bot, two bot instances, or the services
/// they share). Read from outside, so nothing needs instrumentation and the driver's own CPU is never
/// counted. Each process is counted with the processes it started (PostgreSQL's backends, nginx's worker),
/// living ones and those that ended; a bot starts none.
/// </summary>
public sealed class BotProcess(IReadOnlyList<int> pids)
{
    public BotProcess(int pid)
        : this([pid])
    {
    }

    /// <summary>The process ids, as given ("123" or "123,456").</summary>
    public string Pid => string.Join(",", pids);

    /// <summary>Clock ticks per second of /proc's CPU times (normally 100, i.e. 10 ms resolution).</summary>
    public static long TicksPerSecond { get; } = ClockTicks();

    public bool IsAlive => pids.All(pid => Directory.Exists($"/proc/{pid}"));

    /// <summary>utime + stime of every thread of the processes and their descendants (ended ones included), in clock ticks.</summary>
    public long CpuTicks()
    {
        var children = Children();
        long total = 0;
        var pending = new Stack<int>(pids);
        while (pending.Count > 0)
        {
            var pid = pending.Pop();
            total += OwnAndEndedChildrenTicks(pid);
            foreach (var child in children.GetValueOrDefault(pid) ?? [])
                pending.Push(child);
        }
        return total;
    }

    /// <summary>VmHWM, the peak resident set size, in KiB, summed over the processes.</summary>
    public long PeakResidentKiB() => pids.Sum(pid =>
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        }
        throw new InvalidOperationException($"/proc/{pid}/status has no VmHWM");
    });

    /// <summary>Parses "123" or "123,456".</summary>
    public static IReadOnlyList<int> ParsePids(string name, string value) =>
        value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(pid => Options.Positive(name, pid)).ToArray();

    /// <summary>utime + stime, and cutime + cstime (its children that ended and were waited for).</summary>
    private static long OwnAndEndedChildrenTicks(int pid)
    {
        var fields = StatFields(pid);
        if (fields is null)
            return 0; // Ended between listing and reading: its time is in its parent's cutime now.
        // fields[0] is field 3 (state): utime, stime, cutime, cstime (fields 14-17) are at 11-14.
        return Enumerable.Range(11, 4).Sum(i => long.Parse(fields[i], CultureInfo.InvariantCulture));
    }

    /// <summary>Every living process's children, from the parent ids in /proc/*/stat.</summary>
    private static Dictionary<int, List<int>> Children()
    {
        var children = new Dictionary<int, List<int>>();
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || StatFields(pid) is not { } fields)
                continue;
            var parent = int.Parse(fields[1], CultureInfo.InvariantCulture);
            if (!children.TryGetValue(parent, out var list))
                children[parent] = list = [];
            list.Add(pid);
        }
        return children;
    }

    /// <summary>The fields of /proc/PID/stat after the command name, or null when the process is gone.</summary>
    private static string[]? StatFields(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // The command name (field 2) is in parentheses and may hold spaces; fields after it split cleanly.
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or IOException)
        {
            return null;
        }
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
