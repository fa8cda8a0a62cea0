using System.Globalization;
using MultiTrust.Bench.Common;
using MultiTrust.Bench.EndToEnd;
using MultiTrust.Core.Contracts;
using MultiTrust.Engine;
using MultiTrust.Sinks.Results;
using MultiTrust.Sources.Storage;

namespace MultiTrust.Bench.Memory;

/// <summary>
/// <c>memory</c>: --samples (default 1,000,000) through the engine with an in-process fake model, the bench judges and
/// a real <see cref="ParquetResultSink"/> made slow by <see cref="SlowSink"/> (--writes-per-delay, --write-delay-ms,
/// --commit-delay-ms, --commit-every, --concurrency). Managed memory is sampled every 100 ms.
/// </summary>
public static class MemoryBenchmark
{
    private const double BudgetMb = 256;

    public static async Task<int> RunAsync(BenchArgs args)
    {
        var samples = args.Int("samples", 1_000_000);
        var concurrency = args.Int("concurrency", 256);
        var writesPerDelay = args.Int("writes-per-delay", 200);
        var writeDelay = TimeSpan.FromMilliseconds(args.Double("write-delay-ms", 1));
        var commitDelay = TimeSpan.FromMilliseconds(args.Double("commit-delay-ms", 250));
        var commitEvery = args.Int("commit-every", new EngineOptions().CommitEveryItems);
        var output = Path.Combine(Path.GetTempPath(), "mt-bench", "memory-" + Guid.NewGuid().ToString("N")[..8]);
        Console.WriteLine(Invariant(
            $"memory: samples={samples:N0} concurrency={concurrency} slow sink: {writeDelay.TotalMilliseconds} ms every {writesPerDelay} writes, {commitDelay.TotalMilliseconds} ms per commit; commit-every={commitEvery:N0}; gc={(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} out={output}"));
        try
        {
            using var blobs = new FileBlobStore(output);
            var task = new BenchTask([], BenchTask.DefaultJudges());
            var progress = new RunProgress();
            var engine = new EvaluationEngine(new EngineOptions { CommitEveryItems = commitEvery }, TimeProvider.System);
            var start = ProcessSnapshot.Take();
            IReadOnlyList<HeapSampler.Point> points;
            EngineResult result;
            var slow = new SlowSink(new ParquetResultSink(Path.Combine(output, "runs", "bench"), "bench"), writesPerDelay, writeDelay, commitDelay);
            await using (slow)
            {
                var plan = new EnginePlan([new PlannedTask(task, samples, task.Judges)], [new FakeModelInvoker(concurrency)], 1, blobs, NoCompletedKeys.Instance, slow);
                var sampler = new HeapSampler(TimeSpan.FromMilliseconds(100), () => slow.Written);
                await using (sampler)
                {
                    result = await engine.RunAsync(plan, progress, CancellationToken.None, CancellationToken.None);
                }

                points = sampler.Points;
            }

            var end = ProcessSnapshot.Take();
            Console.WriteLine(Invariant($"written {result.Written:N0}, commits {slow.Commits}"));
            Console.WriteLine("run: " + end.Describe(start, result.Written));
            Report(points, samples);
            return result.Written == samples ? 0 : 1;
        }
        finally
        {
            if (Directory.Exists(output) && !args.Flag("keep"))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }

    private static void Report(IReadOnlyList<HeapSampler.Point> points, long samples)
    {
        Console.WriteLine("| progress | t (s) | GC.GetTotalMemory (MB) | heap after last GC (MB) | live after last gen2 GC (MB) | working set (MB) |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|");
        for (var decile = 1; decile <= 10; decile++)
        {
            var threshold = samples * decile / 10;
            var point = points.FirstOrDefault(p => p.Progress >= threshold) ?? points[^1];
            Console.WriteLine(Invariant($"| {decile * 10}% ({point.Progress:N0}) | {point.Seconds:F1} | {Mb(point.TotalMemory):F0} | {Mb(point.HeapAfterLastGc):F0} | {Mb(point.LiveAfterLastGen2):F0} | {Mb(point.WorkingSet):F0} |"));
        }

        var peak = points.Max(p => p.TotalMemory);
        var peakAfterGc = points.Max(p => p.HeapAfterLastGc);
        var peakLive = points.Max(p => p.LiveAfterLastGen2);
        var firstHalf = points.Where(p => p.Progress >= samples / 10 && p.Progress < samples / 2).Select(p => p.TotalMemory).DefaultIfEmpty(0).Max();
        var secondHalf = points.Where(p => p.Progress >= samples / 2).Select(p => p.TotalMemory).DefaultIfEmpty(0).Max();
        var flat = secondHalf <= firstHalf * 1.15 + 16 * 1048576;
        Console.WriteLine(Invariant(
            $"{points.Count} samples at 100 ms: peak GC.GetTotalMemory {Mb(peak):F0} MB, peak heap after GC {Mb(peakAfterGc):F0} MB, peak live after gen2 GC {Mb(peakLive):F0} MB, peak working set {Mb(ProcessSnapshot.PeakWorkingSet()):F0} MB"));
        Console.WriteLine(Invariant(
            $"max 10–50%: {Mb(firstHalf):F0} MB, max 50–100%: {Mb(secondHalf):F0} MB -> {(flat ? "flat" : "GROWING")}; budget {BudgetMb} MB -> {(Mb(peak) <= BudgetMb ? "met" : "MISSED")}"));
    }

    private static double Mb(long bytes) => bytes / 1048576.0;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
