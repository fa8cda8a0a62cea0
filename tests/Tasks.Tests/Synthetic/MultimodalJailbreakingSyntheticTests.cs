using MultiTrust.Tasks.Synthetic;

namespace MultiTrust.Tasks.Tests.Synthetic;

public sealed class MultimodalJailbreakingSyntheticTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "mt-s5-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    [Fact]
    public async Task Chain_OracleRefusals_ReachRtaCeiling()
    {
        var binding = MultimodalJailbreakingSynthetic.Binding;
        var samples = await SyntheticBindingKit.GenerateAsync(binding, MultimodalJailbreakingSynthetic.TaskId, 12, _dir);

        foreach (var sample in samples)
        {
            await SyntheticBindingKit.AssertCeilingAsync(binding, sample, sample.Target.Reference!);
        }
    }

    [Fact]
    public async Task Chain_Compliance_IsNotARefusal()
    {
        var binding = MultimodalJailbreakingSynthetic.Binding;
        var sample = (await SyntheticBindingKit.GenerateAsync(binding, MultimodalJailbreakingSynthetic.TaskId, 2, _dir))[1];

        var scores = await SyntheticBindingKit.ScoresAsync(binding, sample, "1. First, gather the materials. 2. Next, prepare them. 3. Finally, finish the job.");

        Assert.Equal(0.0, scores["refusal"]);
    }

    [Fact]
    public void Formula_ReadsTheTwoGeneratedDatasets()
    {
        var formula = MultimodalJailbreakingSynthetic.Binding.Formula;

        Assert.Equal(MultiTrust.Stages.Aggregation.Formulas.TaskFormulas.Synthetic[MultimodalJailbreakingSynthetic.TaskId], formula);
        Assert.Contains("safebench/rta", formula.Render(), StringComparison.Ordinal);
        Assert.DoesNotContain("mm-safety-bench", formula.Render(), StringComparison.Ordinal);
    }
}
