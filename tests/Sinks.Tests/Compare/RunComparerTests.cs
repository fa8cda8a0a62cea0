using MultiTrust.Sinks.Compare;

namespace MultiTrust.Sinks.Tests.Compare;

public sealed class RunComparerTests
{
    private static RunComparer Comparer(RunComparisonOptions? options = null) => new(new ComparisonCatalog(ComparisonRuns.Metrics), options);

    private static ComparisonRow Row(RunComparison c, string key, string metric) =>
        Assert.Single(c.Rows, r => r.Key == key && r.Metric == metric);

    [Fact]
    public async Task CompareAsync_SameSamplesDegraded_PairedRegressionNamed()
    {
        using var temp = new TempDirectory();
        var a = await ComparisonRuns.WriteAsync(temp.Path, "ra", "baseline:oracle", ComparisonRuns.Ones(40));
        var b = await ComparisonRuns.WriteAsync(temp.Path, "rb", "baseline:random", ComparisonRuns.Ones(40, zerosFrom: 10));

        var comparison = await Comparer().CompareAsync(a, b);

        var accuracy = Row(comparison, ComparisonRuns.Accuracy, "accuracy");
        Assert.Equal(ComparisonStatus.Regressed, accuracy.Status);
        Assert.True(accuracy.Paired);
        Assert.Equal(40, accuracy.NPairs);
        Assert.Equal(-0.75, accuracy.Delta!.Value, 12);
        Assert.Equal(ComparisonMethods.McNemarChiSquared, accuracy.Method);
        Assert.Equal(PairedBinaryComparison.McNemar(30, 0), accuracy.PValue);
        Assert.Equal(new ModelPair("baseline:oracle", "baseline:random"), Assert.Single(comparison.Models));
        Assert.Same(accuracy, Assert.Single(comparison.Regressions));
        var score = Assert.Single(comparison.Rows, r => r.Level == ComparisonLevels.Task);
        Assert.Equal((ComparisonStatus.Regressed, -75.0), (score.Status, score.Delta!.Value));
        Assert.Equal(ComparisonStatus.Untested, Assert.Single(comparison.Rows, r => r.Level == ComparisonLevels.Overall).Status);
    }

    [Fact]
    public async Task CompareAsync_RunWithItself_NothingRegressed()
    {
        using var temp = new TempDirectory();
        var a = await ComparisonRuns.WriteAsync(temp.Path, "ra", "m", ComparisonRuns.Ones(30, zerosFrom: 20), [.. ComparisonRuns.Ones(12, 6)]);

        var comparison = await Comparer().CompareAsync(a, a);

        Assert.Empty(comparison.Regressions);
        Assert.All(comparison.Rows.Where(r => r.Level == ComparisonLevels.Metric), r =>
        {
            Assert.Equal(ComparisonStatus.Unchanged, r.Status);
            Assert.Equal(1, r.PValue);
            Assert.True(r.Paired);
        });
    }

    [Fact]
    public async Task CompareAsync_LeakRateRises_RegressedBecauseLowerIsBetter()
    {
        using var temp = new TempDirectory();
        var a = await ComparisonRuns.WriteAsync(temp.Path, "ra", "m", ComparisonRuns.Ones(5), new double[30]);
        var b = await ComparisonRuns.WriteAsync(temp.Path, "rb", "m", ComparisonRuns.Ones(5), ComparisonRuns.Ones(30, zerosFrom: 20));

        var comparison = await Comparer().CompareAsync(a, b);

        var leak = Row(comparison, ComparisonRuns.Leakage, "leak_rate");
        Assert.False(leak.HigherIsBetter);
        Assert.True(leak.Delta > 0);
        Assert.Equal(ComparisonStatus.Regressed, leak.Status);
        Assert.Equal(ComparisonStatus.Regressed, Row(comparison, ComparisonRuns.Leakage, "rta").Status);
        Assert.Equal("untested", Assert.Single(comparison.Rows, r => r.Level == ComparisonLevels.Task && r.Key == ComparisonRuns.Leakage).Status);
    }

    [Fact]
    public async Task CompareAsync_DifferentSamples_UnpairedFromMetricRows()
    {
        using var temp = new TempDirectory();
        var a = await ComparisonRuns.WriteAsync(temp.Path, "ra", "m", ComparisonRuns.Ones(70, zerosFrom: 56));
        var b = await ComparisonRuns.WriteAsync(temp.Path, "rb", "m", ComparisonRuns.Ones(80, zerosFrom: 48), samplePrefix: "other");

        var accuracy = Row(await Comparer().CompareAsync(a, b), ComparisonRuns.Accuracy, "accuracy");

        Assert.False(accuracy.Paired);
        Assert.Equal(ComparisonMethods.TwoProportion, accuracy.Method);
        Assert.Equal(UnpairedComparison.Proportions(56, 70, 48, 80).PValue!.Value, accuracy.PValue!.Value, 12);
        Assert.Equal(ComparisonStatus.Regressed, accuracy.Status);
    }

    [Fact]
    public async Task CompareAsync_UnknownTask_UnpairedWithNameDirection()
    {
        using var temp = new TempDirectory();
        var a = await ComparisonRuns.WriteAsync(temp.Path, "ra", "m", ComparisonRuns.Ones(50));
        var b = await ComparisonRuns.WriteAsync(temp.Path, "rb", "m", ComparisonRuns.Ones(50, zerosFrom: 45));

        var accuracy = Row(await new RunComparer(ComparisonCatalog.Empty).CompareAsync(a, b), ComparisonRuns.Accuracy, "accuracy");

        Assert.False(accuracy.Paired);
        Assert.True(accuracy.HigherIsBetter);
        Assert.Contains("unknown", accuracy.Note);
    }

    [Fact]
    public async Task CompareAsync_DifferentModelsNamedExplicitly_MissingModelNamed()
    {
        using var temp = new TempDirectory();
        var a = await ComparisonRuns.WriteAsync(temp.Path, "ra", "m1", ComparisonRuns.Ones(5));
        var b = await ComparisonRuns.WriteAsync(temp.Path, "rb", "m2", ComparisonRuns.Ones(5));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => Comparer(new RunComparisonOptions { ModelA = "nope" }).CompareAsync(a, b));

        Assert.Contains("'nope'", error.Message);
        Assert.Contains("m1", error.Message);
    }

    [Fact]
    public async Task CompareAsync_MissingRunFolder_ThrowsNamingPath()
    {
        using var temp = new TempDirectory();
        var missing = Path.Combine(temp.Path, "runs", "ghost");

        var error = await Assert.ThrowsAsync<DirectoryNotFoundException>(() => Comparer().CompareAsync(missing, missing));

        Assert.Contains(missing, error.Message);
    }
}
