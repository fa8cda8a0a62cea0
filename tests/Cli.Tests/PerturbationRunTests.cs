using MultiTrust.Sinks.Metrics;

namespace MultiTrust.Cli.Tests;

public sealed class PerturbationRunTests
{
    private const string Pipeline = """
        name: perturb-test
        seed: 11
        output: out
        tasks:
          - id: t1-basic
            samples: 12
            variants:
              - gaussian-noise: [1, 4]
              - jpeg@3
              - typos@2
        models: [baseline:oracle, baseline:random]
        """;

    [Fact]
    public async Task Run_WithVariants_PairedEffectsWrittenAndSecondRunReusesEveryPerturbedImage()
    {
        using var cli = new CliHarness();
        cli.Write("p.yaml", Pipeline);

        var (exit, output) = await cli.RunAsync("run", "p.yaml");

        Assert.True(exit == 0, output);
        Assert.Contains("perturbation cache: 0 of 36 images reused (0.0%), 36 computed", output, StringComparison.Ordinal);
        var runDir = Directory.GetDirectories(Path.Combine(cli.WorkingDirectory, "out", "runs")).Single();
        var effects = await new PairedTableWriter().ReadAsync(runDir);
        Assert.Equal(2 * 4, effects.Count); // 2 models × 4 variants, metric accuracy
        Assert.All(effects.Where(e => e.ModelId == "baseline:oracle"), e => Assert.Equal(0, e.Delta));
        Assert.All(effects, e => Assert.Equal(12, e.NPairs));
        Assert.Contains("## Clean vs perturbed", await File.ReadAllTextAsync(Path.Combine(runDir, "report.md")), StringComparison.Ordinal);

        var (exit2, output2) = await cli.RunAsync("run", "p.yaml", "--run-id", "perturb-test-again");

        Assert.True(exit2 == 0, output2);
        Assert.Contains("perturbation cache: 36 of 36 images reused (100.0%), 0 computed", output2, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_TextPerturbation_PromptChangedAnswerInstructionKept()
    {
        using var cli = new CliHarness();
        cli.Write("p.yaml", Pipeline);

        var (exit, output) = await cli.RunAsync("run", "p.yaml");
        Assert.True(exit == 0, output);
        var (_, rows) = await cli.RunAsync("query", "--format", "csv",
            "SELECT variant_id, replace(prompt, chr(10), ' ') AS prompt FROM samples WHERE variant_id IN ('clean', 'typos@2') ORDER BY sample_id, variant_id");

        var lines = rows.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(l => l.StartsWith("clean,", StringComparison.Ordinal) || l.StartsWith("typos@2,", StringComparison.Ordinal)).ToList();
        Assert.Equal(24, lines.Count);
        Assert.All(lines, l => Assert.Contains("Please Directly answer [Yes] or [No]!", l, StringComparison.Ordinal));
        Assert.NotEqual(
            lines.Where(l => l.StartsWith("clean,", StringComparison.Ordinal)).Select(l => l[6..]),
            lines.Where(l => l.StartsWith("typos@2,", StringComparison.Ordinal)).Select(l => l[8..]));
    }
}
