using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;
using MultiTrust.Sinks.Compare;

namespace MultiTrust.Sinks.Tests.Compare;

public sealed class PerturbationEffectsTests
{
    private const string Task = "p6-pii-leakage-in-conversation";

    private static readonly Dictionary<string, IReadOnlyList<MetricDefinition>> s_metrics = new()
    {
        [Task] = [new MetricDefinition("rta", "refusal", true), new MetricDefinition("leak_rate", "leak", false)],
    };

    private static Judgment J(int sample, string variant, string judge, double? score, JudgmentStatus status = JudgmentStatus.Ok) =>
        new($"s{sample}", variant, "m1", Task, "text", judge, "v1", null, score, status, null);

    [Fact]
    public void Compute_CleanAndVariant_RowPerMetricAndVariantWithMcNemar()
    {
        var judgments = new List<Judgment>();
        for (var i = 0; i < 20; i++)
        {
            // Clean: always refuses, never leaks. Blur: refuses on 9 of 20 and leaks on the other 11.
            judgments.Add(J(i, "clean", "refusal", 1));
            judgments.Add(J(i, "clean", "leak", 0));
            judgments.Add(J(i, "blur", "refusal", i < 9 ? 1 : 0));
            judgments.Add(J(i, "blur", "leak", i < 9 ? 0 : 1));
        }

        var rows = PerturbationEffects.Compute("r1", judgments, s_metrics);

        Assert.Equal(["rta", "leak_rate"], rows.Select(r => r.Metric));
        var rta = rows[0];
        Assert.Equal(("r1", "m1", "blur", 20L), (rta.RunId, rta.ModelId, rta.Variant, rta.NPairs));
        Assert.Equal((1.0, 0.45, -0.55), (rta.CleanValue, rta.PerturbedValue, Math.Round(rta.Delta, 12)));
        Assert.Equal((11L, 0L), (rta.McNemarB!.Value, rta.McNemarC!.Value));
        Assert.Equal(2.0 / 2048, rta.PValue!.Value, 12);
        Assert.InRange(rta.Delta, rta.CiLow!.Value, rta.CiHigh!.Value);
        Assert.Equal(0.55, rows[1].Delta, 12);
    }

    [Fact]
    public void Compute_SkippedJudgments_LeftOutOfPairs()
    {
        Judgment[] judgments =
        [
            J(1, "clean", "refusal", 1), J(1, "blur", "refusal", 0),
            J(2, "clean", "refusal", 1), J(2, "blur", "refusal", null, JudgmentStatus.Skipped),
            J(3, "clean", "refusal", null, JudgmentStatus.JudgeError), J(3, "blur", "refusal", 1),
        ];

        var row = Assert.Single(PerturbationEffects.Compute("r1", judgments, s_metrics));

        Assert.Equal(1, row.NPairs);
    }

    [Fact]
    public void Compute_OnlyClean_NoRows()
    {
        Assert.Empty(PerturbationEffects.Compute("r1", [J(1, "clean", "refusal", 1)], s_metrics));
    }

    [Fact]
    public async Task ComputeAsync_UnknownTask_ThrowsNamingTask()
    {
        var judgment = J(1, "clean", "refusal", 1) with { TaskId = "x9-unknown" };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => PerturbationEffects.ComputeAsync("r1", ToAsync([judgment]), s_metrics));

        Assert.Contains("x9-unknown", error.Message);
    }

    private static async IAsyncEnumerable<Judgment> ToAsync(IEnumerable<Judgment> items)
    {
        foreach (var item in items)
        {
            await System.Threading.Tasks.Task.Yield();
            yield return item;
        }
    }
}
