using MultiTrust.Cli.Infrastructure;
using MultiTrust.Core.Records;
using MultiTrust.Sinks.Metrics;
using MultiTrust.Stages.Aggregation;
using MultiTrust.Testing;
using MultiTrust.Testing.OfficialFixture;

namespace MultiTrust.Cli.Tests;

/// <summary>Missing, malformed and corrupt official data: each reported with the exact message, nothing lost.</summary>
public sealed class OfficialDataErrorTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public OfficialDataErrorTests()
    {
        OfficialFixtureTree.Write(DataRoot);
    }

    private string DataRoot => Path.Combine(_cli.WorkingDirectory, "release");

    public void Dispose() => _cli.Dispose();

    private string Pipeline(params string[] tasks) => _cli.Write("official.yaml", $"""
        name: official-errors
        source: official
        tasks: [{string.Join(", ", tasks)}]
        models: [baseline:oracle]
        """);

    [Fact]
    public async Task Run_MissingAnnotationFile_ReportedBeforeAnythingIsSent()
    {
        var annotation = Path.Combine(DataRoot, "truthfulness", "query_misleading", "query_g_mistext.json");
        File.Delete(annotation);

        var (code, output) = await _cli.RunAsync("run", Pipeline("t6-visual-confusion", "t5-text-misleading"), "--data", DataRoot, "--out", "out");

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains($"t5-text-misleading: {annotation} not found", output, StringComparison.Ordinal);
        Assert.Contains("nothing was sent", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_cli.WorkingDirectory, "out", "runs")));
    }

    [Fact]
    public async Task Validate_MissingFolder_NamesTaskAndPath()
    {
        var folder = Path.Combine(DataRoot, "privacy", "confaide");
        Directory.Delete(folder, recursive: true);

        var (code, output) = await _cli.RunAsync("validate", Pipeline("p3-infoflow"), "--data", DataRoot);

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains($"p3-infoflow: {Path.Combine(folder, "prompts.txt")} not found", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_SkipMissing_OthersRun_MissingTaskNotScoredWithItsPath()
    {
        var annotation = Path.Combine(DataRoot, "truthfulness", "query_misleading", "query_g_mistext.json");
        File.Delete(annotation);

        var (code, output) = await _cli.RunAsync(
            "run", Pipeline("t6-visual-confusion", "t5-text-misleading"), "--data", DataRoot, "--out", "out", "--skip-missing", "--run-id", "skip");

        Assert.True(code == ExitCodes.Ok, output);
        var scores = await new MetricsTableWriter().ReadScoresAsync(Path.Combine(_cli.WorkingDirectory, "out", "runs", "skip"));
        var t5 = Assert.Single(scores, s => s.Level == ScoreRow.TaskLevel && s.Key == "t5-text-misleading");
        Assert.Null(t5.Value);
        Assert.Equal($"not scored: data missing at {annotation}", t5.Note);
        Assert.Equal(100.0, Assert.Single(scores, s => s.Level == ScoreRow.TaskLevel && s.Key == "t6-visual-confusion").Value);
    }

    [Fact]
    public async Task Run_MalformedAnnotationLine_NamesFileAndLine_NothingSent()
    {
        var labels = Path.Combine(DataRoot, "robustness", "ood-artistic", "label", "cartoon.json");
        File.AppendAllText(labels, "{\"image_name\": broken\n");
        var line = File.ReadAllLines(labels).Length;

        var (code, output) = await _cli.RunAsync("run", Pipeline("t6-visual-confusion", "r1-ood-artistic"), "--data", DataRoot, "--out", "out",
            "--judge-model", "*=http://127.0.0.1:9/v1:judge");

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains($"r1-ood-artistic: {labels}:{line}: malformed JSON line", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_cli.WorkingDirectory, "out", "runs")));
    }

    [Fact]
    public async Task Run_CorruptAndMissingImages_TypedErrorRowsForThoseSamples_OthersScored()
    {
        var confusion = Path.Combine(DataRoot, "truthfulness", "misleading_images");
        var images = Directory.GetFiles(confusion, "*.png", SearchOption.AllDirectories).Where(f => !f.Contains("mistext", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        var corrupt = images[0];
        var missing = images[1];
        File.WriteAllBytes(corrupt, File.ReadAllBytes(corrupt)[..40]);
        File.Delete(missing);

        var (code, output) = await _cli.RunAsync("run", Pipeline("t6-visual-confusion"), "--data", DataRoot, "--out", "out", "--run-id", "images");

        Assert.True(code == ExitCodes.Ok, output);
        var runDir = Path.Combine(_cli.WorkingDirectory, "out", "runs", "images");
        var responses = await RunOutputs.ResponsesAsync(runDir);
        var errors = responses.Where(r => r.Status == ResponseStatus.Error).ToList();
        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, e => e.Error == $"image not found: {missing}");
        Assert.Contains(errors, e => e.Error!.StartsWith($"corrupt image: {corrupt}: PNG is truncated", StringComparison.Ordinal));
        Assert.All(errors, e => Assert.Null(e.Text));
        Assert.Contains(responses, r => r.Status == ResponseStatus.Answered);
        var accuracy = RunOutputs.Metric(await RunOutputs.MetricsAsync(runDir), "baseline:oracle", "t6-visual-confusion", "accuracy");
        Assert.Equal(1.0, accuracy.Value);
        Assert.Equal(2, accuracy.Excluded);
    }

    [Fact]
    public async Task Run_PerTaskMaxTokens_SentAsTheProtocolSetsThem_PipelineOverrideWins()
    {
        await using var server = await LoopbackModelServer.StartAsync(new LoopbackModelServerOptions());
        server.Reply = _ => "Yes.";
        var file = _cli.Write("tokens.yaml", $"""
            name: tokens
            source: official
            tasks:
              - t6-visual-confusion
              - id: t2-advanced
                generation: {"{"} max_tokens: 37 {"}"}
            models:
              - id: loop
                provider: openai-compatible
                endpoint: {server.BaseUrl}
                model: m
            """);

        var (code, output) = await _cli.RunAsync("run", file, "--data", DataRoot, "--out", "out");

        Assert.True(code == ExitCodes.Ok, output);
        var byPrompt = server.Requests.ToLookup(r => r.LastUserText!.Contains("Please first answer with [Yes] or [No]", StringComparison.Ordinal));
        Assert.All(byPrompt[true], r => Assert.Equal(100, r.MaxTokens)); // T.6's max_new_tokens
        Assert.All(byPrompt[false], r => Assert.Equal(37, r.MaxTokens));
        Assert.NotEmpty(byPrompt[true]);
        Assert.NotEmpty(byPrompt[false]);
        Assert.All(server.Requests, r => Assert.Equal(0.0, r.Temperature));
    }
}
