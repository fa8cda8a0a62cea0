using MultiTrust.Tasks.Synthetic;

namespace MultiTrust.Tasks.Tests.Synthetic;

public sealed class VisualAssistanceSyntheticTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "mt-t4-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    [Fact]
    public async Task Chain_OracleAnswers_ReachAccuracyCeiling()
    {
        var binding = VisualAssistanceSynthetic.Binding;
        var samples = await SyntheticBindingKit.GenerateAsync(binding, VisualAssistanceSynthetic.TaskId, 30, _dir);

        foreach (var sample in samples)
        {
            await SyntheticBindingKit.AssertCeilingAsync(binding, sample, sample.Target.Reference!);
        }
    }

    [Fact]
    public async Task Chain_OffByOne_IsIncorrect()
    {
        var binding = VisualAssistanceSynthetic.Binding;
        var sample = (await SyntheticBindingKit.GenerateAsync(binding, VisualAssistanceSynthetic.TaskId, 2, _dir))[1];
        var wrong = long.Parse(sample.Target.Expected!, System.Globalization.CultureInfo.InvariantCulture) + 1;

        Assert.Equal(0.0, (await SyntheticBindingKit.ScoresAsync(binding, sample, $"The answer is {wrong}."))["contains"]);
    }

    [Fact]
    public void Formula_IsTheProtocolFormula()
    {
        Assert.Same(MultiTrust.Stages.Aggregation.Formulas.TaskFormulas.For(VisualAssistanceSynthetic.TaskId), VisualAssistanceSynthetic.Binding.Formula);
    }
}
