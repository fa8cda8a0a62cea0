using System.Text.Json;
using MultiTrust.Cli.Infrastructure;
using MultiTrust.Core.Imaging;

namespace MultiTrust.Cli.Tests;

public sealed class DatasetSourceRunTests
{
    [Fact]
    public async Task Run_TaskFromJsonlDataset_EveryRowAnsweredAndJudgedWithItsChain()
    {
        using var cli = new CliHarness();
        WriteLake(cli, rows: 9);
        var pipeline = cli.Write("lake.yaml", """
            name: lake
            tasks:
              - id: t1-basic
                source:
                  dataset:
                    path: lake/t1.jsonl
                    chain: synthetic
                    columns: {prompt: question, image: picture, target: answer, subset: kind}
            models: [baseline:oracle, baseline:refuse]
            report: false
            """);

        var (code, output) = await cli.RunAsync("run", pipeline, "--out", "out");

        Assert.True(code == ExitCodes.Ok, output);
        var runDir = RunOutputs.SingleRunDir(Path.Combine(cli.WorkingDirectory, "out"));
        var responses = await RunOutputs.ResponsesAsync(runDir);
        Assert.Equal(18, responses.Count);
        Assert.Equal(9, responses.Select(r => r.SampleId).Distinct().Count());
        Assert.All(responses.Where(r => r.ImageSha256s.Length == 0), r => Assert.Fail($"row without its image: {r.SampleId}"));
        var metrics = await RunOutputs.MetricsAsync(runDir);
        Assert.Equal(1.0, RunOutputs.Metric(metrics, "baseline:oracle", "t1-basic", "accuracy").Value);
        Assert.Equal(9, RunOutputs.Metric(metrics, "baseline:oracle", "t1-basic", "accuracy").N);
        using var card = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(runDir, "run.json")));
        Assert.Equal("dataset", card.RootElement.GetProperty("suite").GetString());
    }

    [Fact]
    public async Task Run_DatasetMissingMappedColumn_NothingSentAndTheColumnNamed()
    {
        using var cli = new CliHarness();
        WriteLake(cli, rows: 3);
        var pipeline = cli.Write("lake.yaml", """
            tasks:
              - id: t1-basic
                source: {dataset: {path: lake/t1.jsonl, chain: synthetic, columns: {prompt: question, target: label}}}
            models: [baseline:oracle]
            """);

        var (code, output) = await cli.RunAsync("run", pipeline, "--out", "out");

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("'label' (target) not found", output);
        Assert.Contains("t1.jsonl", output);
        Assert.False(Directory.Exists(Path.Combine(cli.WorkingDirectory, "out", "runs")));
    }

    [Fact]
    public async Task Validate_DatasetWithUnknownFormat_ProblemAtItsLine()
    {
        using var cli = new CliHarness();
        WriteLake(cli, rows: 1);
        var pipeline = cli.Write("lake.yaml", """
            tasks:
              - id: t1-basic
                source: {dataset: {path: lake/t1.jsonl, format: csv}}
            models: [baseline:oracle]
            """);

        var (code, output) = await cli.RunAsync("validate", pipeline);

        Assert.NotEqual(ExitCodes.Ok, code);
        Assert.Contains("lake.yaml:3:", output);
        Assert.Contains("'format' of a dataset source must be one of: parquet, arrow, jsonl, not 'csv'", output);
    }

    private static void WriteLake(CliHarness cli, int rows)
    {
        Directory.CreateDirectory(Path.Combine(cli.WorkingDirectory, "lake", "img"));
        var lines = new List<string>();
        for (var i = 0; i < rows; i++)
        {
            var image = $"img/{i}.png";
            File.WriteAllBytes(
                Path.Combine(cli.WorkingDirectory, "lake", image),
                PngEncoder.Encode(Enumerable.Repeat((byte)(20 * i), 8 * 8 * 3).ToArray(), 8, 8, 3));
            lines.Add(JsonSerializer.Serialize(new
            {
                question = $"Is the picture number {i} dark?",
                picture = image,
                answer = i % 2 == 0 ? "yes" : "no",
                kind = i % 3 == 0 ? "object" : "scene",
            }));
        }

        File.WriteAllLines(Path.Combine(cli.WorkingDirectory, "lake", "t1.jsonl"), lines);
    }
}
