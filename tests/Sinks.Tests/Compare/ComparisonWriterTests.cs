using System.Text.Json;
using MultiTrust.Sinks.Compare;

namespace MultiTrust.Sinks.Tests.Compare;

public sealed class ComparisonWriterTests
{
    [Fact]
    public async Task WriteAsync_Comparison_MarkdownRegressionsFirstJsonAndParquetRoundTrip()
    {
        using var temp = new TempDirectory();
        var a = await ComparisonRuns.WriteAsync(temp.Path, "ra", "m", ComparisonRuns.Ones(40), new double[30]);
        var b = await ComparisonRuns.WriteAsync(temp.Path, "rb", "m", ComparisonRuns.Ones(40, zerosFrom: 10), new double[30]);
        var comparison = await new RunComparer(new ComparisonCatalog(ComparisonRuns.Metrics)).CompareAsync(a, b);
        var outDir = Path.Combine(temp.Path, "cmp");

        var files = await new ComparisonWriter().WriteAsync(comparison, outDir);

        var markdown = await File.ReadAllTextAsync(files.Markdown);
        Assert.Contains("`ra`", markdown);
        Assert.Contains("`rb`", markdown);
        var tableLines = markdown.Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal)).Skip(1).ToList();
        Assert.Contains("regressed", tableLines[0]);
        Assert.Contains("t1-basic", tableLines[0]);
        Assert.DoesNotContain("regressed", tableLines[^1]);
        using var json = JsonDocument.Parse(await File.ReadAllBytesAsync(files.Json));
        Assert.Equal("ra", json.RootElement.GetProperty("run_a").GetString());
        Assert.Equal(comparison.Rows.Count, json.RootElement.GetProperty("rows").GetArrayLength());
        Assert.Equal(comparison.Rows[0].NA, json.RootElement.GetProperty("rows")[0].GetProperty("n_a").GetInt64());
        Assert.Equal(comparison.Rows, await ComparisonWriter.ReadRowsAsync(outDir));
    }
}
