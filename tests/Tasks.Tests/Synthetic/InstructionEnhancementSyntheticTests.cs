using MultiTrust.Tasks.Synthetic;

namespace MultiTrust.Tasks.Tests.Synthetic;

public sealed class InstructionEnhancementSyntheticTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "mt-t3-" + Guid.NewGuid().ToString("N"));

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
        var binding = InstructionEnhancementSynthetic.Binding;
        var samples = await SyntheticBindingKit.GenerateAsync(binding, InstructionEnhancementSynthetic.TaskId, 36, _dir);

        foreach (var sample in samples)
        {
            await SyntheticBindingKit.AssertCeilingAsync(binding, sample, sample.Target.Reference!);
        }
    }

    [Fact]
    public async Task Chain_WrongNumber_IsIncorrect_NumberWordIsCorrect()
    {
        var binding = InstructionEnhancementSynthetic.Binding;
        var factual = (await SyntheticBindingKit.GenerateAsync(binding, InstructionEnhancementSynthetic.TaskId, 1, _dir))[0];
        var count = int.Parse(factual.Target.Expected!, System.Globalization.CultureInfo.InvariantCulture);
        string[] words = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];

        Assert.Equal(0.0, (await SyntheticBindingKit.ScoresAsync(binding, factual, $"I count {count + 10} of them."))["contains"]);
        Assert.Equal(1.0, (await SyntheticBindingKit.ScoresAsync(binding, factual, $"There are {words[count]}."))["contains"]);
    }

    [Fact]
    public void Formula_IsTheProtocolFormula()
    {
        Assert.Same(MultiTrust.Stages.Aggregation.Formulas.TaskFormulas.For(InstructionEnhancementSynthetic.TaskId), InstructionEnhancementSynthetic.Binding.Formula);
    }
}
