using System.Globalization;
using MultiTrust.Core.Contracts;

namespace MultiTrust.Cli.Progress;

/// <summary>A sampled view of <see cref="RunProgress"/> with rate and ETA.</summary>
internal sealed record ProgressSnapshot(long Done, long Planned, long Skipped, long Failed, long CacheHits, long Retries, long Committed, double Rate, TimeSpan? Eta)
{
    public static ProgressSnapshot Take(RunProgress progress, TimeSpan elapsed)
    {
        var completed = progress.Completed;
        var skipped = progress.SkippedCommitted;
        var done = completed + skipped;
        var rate = elapsed.TotalSeconds > 0 ? completed / elapsed.TotalSeconds : 0;
        var remaining = Math.Max(0, progress.Planned - done);
        TimeSpan? eta = rate > 0 ? TimeSpan.FromSeconds(remaining / rate) : null;
        return new ProgressSnapshot(done, progress.Planned, skipped, progress.Failed, progress.CacheHits, progress.Retries, progress.Committed, rate, eta);
    }

    public double Fraction => Planned == 0 ? 1 : Math.Min(1, (double)Done / Planned);

    public string EtaText => Eta is { } eta ? eta.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture) : "--:--:--";

    public string ToLine() => string.Create(
        CultureInfo.InvariantCulture,
        $"progress {Done}/{Planned} ({Fraction:P1}) {Rate:F1} samples/s ETA {EtaText} | errors {Failed} | cache hits {CacheHits} | retries {Retries} | resumed {Skipped} | committed {Committed}");
}
