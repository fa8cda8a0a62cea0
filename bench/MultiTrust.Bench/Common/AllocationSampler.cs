using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Globalization;

namespace MultiTrust.Bench.Common;

/// <summary>
/// Which types a run allocates, from the runtime's own sampling: the GC's AllocationTick event fires about every
/// 100 KB allocated and names the type of the object that crossed the mark, so bytes per type are an unbiased
/// estimate. In process, no profiler needed; costs a little while enabled.
/// </summary>
public sealed class AllocationSampler : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;

    private readonly ConcurrentDictionary<string, long> _bytes = new(StringComparer.Ordinal);

    public void Print(TextWriter output, int top)
    {
        var total = _bytes.Values.Sum();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"allocation samples (AllocationTick, ~100 KB each), top {top} types of {total / 1048576.0:N0} MB sampled:"));
        foreach (var (type, bytes) in _bytes.OrderByDescending(p => p.Value).Take(top))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {100.0 * bytes / total,5:F1}%  {type}"));
        }
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, GcKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (eventData.EventName is not { } name || !name.StartsWith("GCAllocationTick", StringComparison.Ordinal) || eventData.Payload is null)
        {
            return;
        }

        var names = eventData.PayloadNames!;
        var type = names.IndexOf("TypeName") is var t and >= 0 ? eventData.Payload[t] as string ?? "?" : "?";
        var amount = names.IndexOf("AllocationAmount64") is var a and >= 0 ? Convert.ToInt64(eventData.Payload[a], CultureInfo.InvariantCulture) : 100_000;
        _bytes.AddOrUpdate(type, amount, (_, sum) => sum + amount);
    }
}
