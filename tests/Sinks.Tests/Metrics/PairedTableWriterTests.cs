using MultiTrust.Sinks.Metrics;
using MultiTrust.Sinks.Compare;

namespace MultiTrust.Sinks.Tests.Metrics;

public sealed class PairedTableWriterTests
{
    [Fact]
    public async Task WriteThenRead_RowsWithNulls_RoundTrip()
    {
        using var temp = new TempDirectory();
        var runDir = temp.RunDir("r1");
        PerturbationEffectRow[] rows =
        [
            new("r1", "m1", "t1-basic", "accuracy", "blur-2", 40, 0.9, 0.6, -0.3, -0.45, -0.15, 13, 1, 0.0019),
            new("r1", "m1", "s3-toxicity", "toxicity", "noise", 1, 0.2, 0.3, 0.1, null, null, null, null, null),
        ];

        var writer = new PairedTableWriter();
        await writer.WriteAsync(runDir, rows);

        Assert.Equal(rows, await writer.ReadAsync(runDir));
        Assert.True(File.Exists(Path.Combine(runDir, PairedTableWriter.FileName)));
    }

    [Fact]
    public async Task ReadAsync_NoFile_Empty()
    {
        using var temp = new TempDirectory();

        Assert.Empty(await new PairedTableWriter().ReadAsync(temp.RunDir("none")));
    }
}
