using System.Globalization;
using MultiTrust.Core.Records;
using MultiTrust.Sinks.DuckDb;
using MultiTrust.Sinks.Metrics;
using MultiTrust.Sinks.Results;
using MultiTrust.Sinks.Compare;
using Parquet.Schema;

namespace MultiTrust.Sinks.Tests.DuckDb;

public sealed class PairedViewTests
{
    [Fact]
    public async Task RunAsync_PairedFilesOfSomeRuns_PairedViewHasTheirRows()
    {
        using var temp = new TempDirectory();
        await new PairedTableWriter().WriteAsync(temp.RunDir("r1"),
        [
            new PerturbationEffectRow("r1", "m1", "t1-basic", "accuracy", "noise@3", 20, 0.8, 0.55, -0.25, -0.43, -0.05, 6, 1, 0.0117),
            new PerturbationEffectRow("r1", "m1", "t1-basic", "accuracy", "blur@1", 20, 0.8, 0.8, 0, null, null, null, null, null),
        ]);
        await new PairedTableWriter().WriteAsync(temp.RunDir("r2"),
            [new PerturbationEffectRow("r2", "m2", "t1-basic", "accuracy", "noise@3", 10, 0.5, 0.4, -0.1, -0.3, 0.1, 2, 1, 1.0)]);
        Directory.CreateDirectory(temp.RunDir("r3"));

        var result = await new QueryRunner().RunAsync(
            temp.Path, "SELECT run_id, model_id, variant, n_pairs, delta, mcnemar_b, p_value FROM paired ORDER BY run_id, variant");

        Assert.Equal(
            [
                ["r1", "m1", "blur@1", 20L, 0.0, null, null],
                ["r1", "m1", "noise@3", 20L, -0.25, 6L, 0.0117],
                ["r2", "m2", "noise@3", 10L, -0.1, 2L, 1.0],
            ],
            result.Rows.Select(r => r.ToArray()));
    }

    [Fact]
    public async Task RunAsync_NoPairedFiles_PairedViewIsEmptyWithTypedColumns()
    {
        using var temp = new TempDirectory();
        await QueryRunnerTests.WriteRunAsync(temp.RunDir("r1"), "r1", TestItems.Full("s1"));

        var result = await new QueryRunner().RunAsync(
            temp.Path, "SELECT count(*) AS n, count(*) FILTER (WHERE delta < 0 AND n_pairs > 0 AND variant = 'x' AND mcnemar_c > 1) AS typed FROM paired");

        Assert.Equal([0L, 0L], result.Rows.Single());
    }

    [Fact]
    public async Task RunAsync_OldMetricsFileWithoutVariant_VariantReadsAsClean()
    {
        using var temp = new TempDirectory();
        await WriteOldMetricsAsync(temp.RunDir("r1"), "r1");

        var result = await new QueryRunner().RunAsync(temp.Path, "SELECT run_id, metric, value, variant FROM metrics");

        Assert.Equal(["r1", "accuracy", 0.5, "clean"], result.Rows.Single());
    }

    [Fact]
    public async Task RunAsync_OldAndNewMetricsFiles_VariantOfBoth()
    {
        using var temp = new TempDirectory();
        await WriteOldMetricsAsync(temp.RunDir("r1"), "r1");
        await new MetricsTableWriter().WriteMetricsAsync(temp.RunDir("r2"),
        [
            new MetricRow("r2", "m1", "t1-basic", "all", "accuracy", 0.7, 4, null, null, 0),
            new MetricRow("r2", "m1", "t1-basic", "all", "accuracy", 0.25, 4, null, null, 0, "noise@3"),
        ]);

        var result = await new QueryRunner().RunAsync(temp.Path, "SELECT run_id, variant, value FROM metrics ORDER BY run_id, variant");

        Assert.Equal([["r1", "clean", 0.5], ["r2", "clean", 0.7], ["r2", "noise@3", 0.25]], result.Rows.Select(r => r.ToArray()));
    }

    [Fact]
    public async Task RunAsync_SchemaDocAccuracyDropQuery_PoolsTasksWeightedByPairs()
    {
        using var temp = new TempDirectory();
        await new PairedTableWriter().WriteAsync(temp.RunDir("r1"),
        [
            new PerturbationEffectRow("r1", "m1", "t1-basic", "accuracy", "noise@3", 30, 0.9, 0.6, -0.3, -0.45, -0.12, 10, 1, 0.0117),
            new PerturbationEffectRow("r1", "m1", "t2-other", "accuracy", "noise@3", 10, 0.5, 0.5, 0, -0.2, 0.2, 1, 1, 1.0),
            new PerturbationEffectRow("r1", "m1", "t1-basic", "accuracy", "blur@1", 10, 0.8, 0.7, -0.1, -0.3, 0.1, 2, 1, 1.0),
            new PerturbationEffectRow("r1", "m1", "t1-basic", "toxicity", "noise@3", 10, 0.1, 0.2, 0.1, -0.1, 0.3, 0, 1, 1.0),
        ]);

        var result = await new QueryRunner().RunAsync(temp.Path, """
            SELECT run_id, model_id, variant, sum(n_pairs) AS pairs,
                   round(100 * sum(n_pairs * (clean_value - perturbed_value)) / sum(n_pairs), 2) AS accuracy_drop_pp,
                   count(*) FILTER (WHERE p_value < 0.05) AS significant_tasks, count(*) AS tasks
            FROM paired WHERE metric = 'accuracy'
            GROUP BY ALL ORDER BY run_id, model_id, accuracy_drop_pp DESC
            """);

        // sum(BIGINT) is a HUGEINT in DuckDB: compare as invariant text.
        Assert.Equal(
            [["r1", "m1", "noise@3", "40", "22.5", "1", "2"], ["r1", "m1", "blur@1", "10", "10", "0", "1"]],
            result.Rows.Select(r => r.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)).ToArray()));
    }

    [Fact]
    public void BuildStatements_EveryRunFolder_IncludesPairedView()
    {
        using var temp = new TempDirectory();

        var statements = new CatalogViews().BuildStatements(temp.Path);

        Assert.Contains(statements, s => s.StartsWith("CREATE OR REPLACE VIEW paired AS ", StringComparison.Ordinal));
    }

    /// <summary>A metrics.parquet as written before the variant column existed.</summary>
    private static Task WriteOldMetricsAsync(string runDir, string runId)
    {
        Directory.CreateDirectory(runDir);
        var schema = new ParquetSchema(MetricTable.Schema.GetDataFields().Where(f => f.Name != "variant").ToArray());
        var f = schema.GetDataFields();
        return ParquetFiles.WriteAtomicAsync(
            Path.Combine(Path.GetFullPath(runDir), MetricsTableWriter.MetricsFileName), schema, ParquetFiles.CreateOptions(ParquetSinkOptions.Default.Compression),
            async g =>
            {
                await g.WriteAsync(f[0], new[] { runId });
                await g.WriteAsync(f[1], new[] { "m1" });
                await g.WriteAsync(f[2], new[] { "t1-basic" });
                await g.WriteAsync(f[3], new[] { "all" });
                await g.WriteAsync(f[4], new[] { "accuracy" });
                await g.WriteAsync<double>(f[5], new ReadOnlyMemory<double?>([0.5]));
                await g.WriteAsync<long>(f[6], new long[] { 2 }.AsMemory());
                await g.WriteAsync<double>(f[7], new ReadOnlyMemory<double?>([null]));
                await g.WriteAsync<double>(f[8], new ReadOnlyMemory<double?>([null]));
                await g.WriteAsync<long>(f[9], new long[] { 0 }.AsMemory());
            },
            overwrite: true,
            default);
    }
}
