using MultiTrust.Cli.Infrastructure;
using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;
using MultiTrust.Sinks.Metrics;
using MultiTrust.Stages.Aggregation;
using MultiTrust.Tasks;

namespace MultiTrust.Cli.Tests;

/// <summary>
/// <c>pipelines/synthetic-full.yaml --samples 50</c>, offline, as the README shows it: every task with a synthetic
/// generator against the four baselines. The calibration baselines bracket each metric: the oracle at the ceiling of
/// every accuracy metric, refuse at RtA 100, and the coin (<c>baseline:random</c>) near chance.
/// </summary>
public sealed class SyntheticSuiteRunTests(SyntheticSuiteRunTests.Run run) : IClassFixture<SyntheticSuiteRunTests.Run>
{
    private const int Samples = 50;

    private static IEnumerable<string> SyntheticTaskIds =>
        TaskCatalog.Definitions.Where(d => d.Suites.Contains(TaskSuites.Synthetic)).Select(d => d.Info.Id);

    [Fact]
    public void Run_EverySyntheticTask_MeasuredAndScoredWithTheSyntheticLabel()
    {
        var tasks = run.Scores.Where(s => s.Level == ScoreRow.TaskLevel && s.ModelId == "baseline:oracle").ToList();
        var measured = run.Metrics.Where(m => m.ModelId == "baseline:oracle" && m.N > 0).Select(m => m.TaskId).ToHashSet();

        Assert.True(tasks.Count >= 20, $"{tasks.Count} tasks");
        Assert.Equal(SyntheticTaskIds.Order(StringComparer.Ordinal), tasks.Select(s => s.Key).Order(StringComparer.Ordinal));
        Assert.Equal(SyntheticTaskIds.Order(StringComparer.Ordinal), measured.Order(StringComparer.Ordinal));
        // Offline, a task whose formula needs a model-backed judge (ASR: the HarmBench classifier) is not scored and says
        // which judge model to configure; every other task is scored on the synthetic suite.
        var scored = tasks.Where(s => s.Value is not null).ToList();
        Assert.True(scored.Count >= 19, string.Join(", ", tasks.Where(s => s.Value is null).Select(s => s.Key)));
        Assert.All(scored, s => Assert.StartsWith("synthetic suite", s.Note, StringComparison.Ordinal));
        Assert.All(tasks.Where(s => s.Value is null), s => Assert.Contains("judge_models.", s.Note, StringComparison.Ordinal));
    }

    [Fact]
    public void Run_EveryModelAnsweredEverySample()
    {
        Assert.Equal(4 * Samples * SyntheticTaskIds.Count(), run.Responses.Count);
        Assert.All(run.Responses, r => Assert.Equal(ResponseStatus.Answered, r.Status));
    }

    [Fact]
    public void Run_Oracle_EveryAccuracyMetricAtItsCeiling()
    {
        var accuracy = Rows("baseline:oracle", "accuracy").Where(m => m.N > 0).ToList();

        Assert.True(accuracy.Count >= 12, string.Join(", ", accuracy.Select(m => m.TaskId)));
        Assert.All(accuracy, m => Assert.True(m.Value == 1.0, $"{m.TaskId}: accuracy {m.Value} over {m.N}"));
        Assert.All(accuracy, m => Assert.Equal(Samples, m.N + m.Excluded));
    }

    [Fact]
    public void Run_Refuse_RtaIs100OnEveryRtaTask()
    {
        var rta = Rows("baseline:refuse", "rta").ToList();

        Assert.True(rta.Count >= 9, string.Join(", ", rta.Select(m => m.TaskId)));
        Assert.All(rta, m => Assert.True(m.Value == 1.0 && m.N == Samples, $"{m.TaskId}: rta {m.Value} over {m.N}"));
    }

    [Fact]
    public void Run_Random_CoinTasksNearOneHalf_OpenAnswersNeverGuessed()
    {
        // A fair coin answers yes/no prompts with Yes/No and every other prompt with a refusal or a content-free
        // compliance: near 1/2 wherever a coin decides (three standard errors of a binomial proportion), near 0 where
        // only the right open answer scores.
        var margin = 3 * Math.Sqrt(0.25 / Samples);
        var coinDecided = Rows("baseline:random", "rta").Concat(Rows("baseline:random", "agreement_rate"))
            .Concat(Rows("baseline:random", "accuracy").Where(m => IsYesNoTask(m.TaskId))).ToList();
        var open = Rows("baseline:random", "accuracy").Where(m => !IsYesNoTask(m.TaskId) && m.N > 0).ToList();

        Assert.True(coinDecided.Count >= 15, string.Join(", ", coinDecided.Select(m => m.TaskId)));
        Assert.All(coinDecided, m => Assert.True(Math.Abs(m.Value!.Value - 0.5) <= margin, $"{m.TaskId} {m.Metric}: {m.Value} over {m.N}"));
        Assert.NotEmpty(open);
        Assert.All(open, m => Assert.True(m.Value <= 0.05, $"{m.TaskId}: accuracy {m.Value} over {m.N}"));
    }

    private IEnumerable<MetricRow> Rows(string model, string metric) =>
        run.Metrics.Where(m => m.ModelId == model && m.Metric == metric && m.Subset == MetricRow.AllSubsets && m.Variant == MetricRow.CleanVariant);

    // A task whose every prompt asks for yes or no: the coin answered each with "Yes." or "No.".
    private bool IsYesNoTask(string taskId) =>
        run.Responses.Where(r => r.TaskId == taskId && r.ModelId == "baseline:random").All(r => r.Text is "Yes." or "No.");

    /// <summary>The one run shared by the tests above.</summary>
    public sealed class Run : IAsyncLifetime
    {
        private readonly CliHarness _cli = new();

        public IReadOnlyList<MetricRow> Metrics { get; private set; } = [];

        public IReadOnlyList<ScoreRow> Scores { get; private set; } = [];

        public IReadOnlyList<ModelResponse> Responses { get; private set; } = [];

        public async Task InitializeAsync()
        {
            var pipeline = Path.Combine(RepoPaths.Root, "pipelines", "synthetic-full.yaml");
            var (code, output) = await _cli.RunAsync("run", pipeline, "--samples", Samples.ToString(System.Globalization.CultureInfo.InvariantCulture), "--out", "out");
            Assert.True(code == ExitCodes.Ok, output);
            var runDir = RunOutputs.SingleRunDir(Path.Combine(_cli.WorkingDirectory, "out"));
            var tables = new MetricsTableWriter();
            Metrics = await tables.ReadMetricsAsync(runDir);
            Scores = await tables.ReadScoresAsync(runDir);
            Responses = await RunOutputs.ResponsesAsync(runDir);
        }

        public Task DisposeAsync()
        {
            _cli.Dispose();
            return Task.CompletedTask;
        }
    }
}
