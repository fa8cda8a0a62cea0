using System.Diagnostics;

namespace MultiTrust.Bench.Common;

/// <summary>Allocation, GC and CPU counters of this process at one instant; subtract two to get a window.</summary>
/// <remarks>
/// <see cref="MachineBusyTicks"/>/<see cref="MachineTotalTicks"/> come from <c>/proc/stat</c>, so a window also shows how
/// much of the machine other processes (builds and tests of other engineers on a shared box) used at the same time.
/// </remarks>
public sealed record ProcessSnapshot(
    long Timestamp, long AllocatedBytes, int Gen0, int Gen1, int Gen2, TimeSpan Cpu, long MachineBusyTicks, long MachineTotalTicks)
{
    public static ProcessSnapshot Take()
    {
        using var self = Process.GetCurrentProcess();
        var (busy, total) = ReadMachineTicks();
        return new ProcessSnapshot(
            Stopwatch.GetTimestamp(),
            GC.GetTotalAllocatedBytes(precise: false),
            GC.CollectionCount(0),
            GC.CollectionCount(1),
            GC.CollectionCount(2),
            self.TotalProcessorTime,
            busy,
            total);
    }

    /// <summary>Aggregate CPU ticks from the first line of /proc/stat (0, 0 when unavailable).</summary>
    public static (long Busy, long Total) ReadMachineTicks()
    {
        try
        {
            var line = File.ReadLines("/proc/stat").First();
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8).Select(long.Parse).ToArray();
            var idle = parts[3] + parts[4];
            var total = parts.Sum();
            return (total - idle, total);
        }
        catch (IOException)
        {
            return (0, 0);
        }
    }

    /// <summary>Peak resident set of this process (VmHWM), in bytes.</summary>
    public static long PeakWorkingSet()
    {
        using var self = Process.GetCurrentProcess();
        return self.PeakWorkingSet64;
    }

    public TimeSpan ElapsedSince(ProcessSnapshot earlier) => Stopwatch.GetElapsedTime(earlier.Timestamp, Timestamp);

    public string Describe(ProcessSnapshot earlier, long items)
    {
        var seconds = ElapsedSince(earlier).TotalSeconds;
        var allocated = AllocatedBytes - earlier.AllocatedBytes;
        var cpu = (Cpu - earlier.Cpu).TotalSeconds;
        return string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"{items:N0} items in {seconds:F2} s = {items / seconds:N0}/s; allocated {allocated / 1048576.0:N0} MB ({allocated / (double)Math.Max(1, items):N0} B/item); " +
            $"GCs gen0 {Gen0 - earlier.Gen0}, gen1 {Gen1 - earlier.Gen1}, gen2 {Gen2 - earlier.Gen2}; " +
            $"process CPU {cpu:F1} s ({cpu / seconds:F2} cores, {cpu * 1e6 / Math.Max(1, items):F0} µs/item); " +
            $"machine busy {MachineCores(earlier):F2} of {Environment.ProcessorCount} cores, load avg {LoadAverage()}");
    }

    /// <summary>Cores the whole machine kept busy during the window (all processes).</summary>
    public double MachineCores(ProcessSnapshot earlier)
    {
        var total = MachineTotalTicks - earlier.MachineTotalTicks;
        return total <= 0 ? double.NaN : Environment.ProcessorCount * (MachineBusyTicks - earlier.MachineBusyTicks) / (double)total;
    }

    public static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "?";
        }
    }
}
