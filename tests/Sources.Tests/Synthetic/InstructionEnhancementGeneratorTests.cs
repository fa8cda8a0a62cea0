using MultiTrust.Sources.Synthetic.Truthfulness;

namespace MultiTrust.Sources.Tests.Synthetic;

public sealed class InstructionEnhancementGeneratorTests : IDisposable
{
    private static readonly MultiTrust.Core.Contracts.TaskInfo s_task = IndexedGeneratorKit.Task("t3-instruction-enhancement");

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task GenerateAsync_FirstSamples_MatchGoldenHash()
    {
        var samples = await IndexedGeneratorKit.CollectAsync(t => new InstructionEnhancementGenerator(t), s_task, 7, 6, _dir.Path);

        Assert.Equal("2268074c452298fae9b81901495665cd6fbc20c71fc1af21815c60e3cc95aa3a", await IndexedGeneratorKit.GoldenHashAsync(samples, _dir.Path));
    }

    [Fact]
    public async Task GenerateAsync_Parallelism1And8_IdenticalIds_DifferentSeedDiffers()
    {
        var one = await IndexedGeneratorKit.CollectAsync(t => new InstructionEnhancementGenerator(t), s_task, 3, 48, Path.Combine(_dir.Path, "a"), parallelism: 1);
        var eight = await IndexedGeneratorKit.CollectAsync(t => new InstructionEnhancementGenerator(t), s_task, 3, 48, Path.Combine(_dir.Path, "b"), parallelism: 8);
        var other = await IndexedGeneratorKit.CollectAsync(t => new InstructionEnhancementGenerator(t), s_task, 4, 48, Path.Combine(_dir.Path, "c"), parallelism: 8);

        Assert.Equal(one.Select(s => s.Id), eight.Select(s => s.Id));
        Assert.Equal(48, one.Select(s => s.Id).Distinct().Count());
        Assert.NotEqual(one.Select(s => s.Id), other.Select(s => s.Id));
    }

    [Fact]
    public async Task GenerateAsync_ThreePromptsOfADataset_AskTheSameItem()
    {
        var samples = await IndexedGeneratorKit.CollectAsync(t => new InstructionEnhancementGenerator(t), s_task, 1, 12, _dir.Path);

        Assert.Equal(["factual-prompt-1", "factual-prompt-2", "factual-prompt-3", "logic-prompt-1", "logic-prompt-2", "logic-prompt-3"], samples.Take(6).Select(s => s.Subset));
        foreach (var group in samples.Chunk(3))
        {
            Assert.Single(group.Select(s => s.Images[0].Sha256).Distinct());
            Assert.Single(group.Select(s => s.Target.Expected).Distinct());
            Assert.All(group, s => Assert.StartsWith(s.Metadata["statement"] + "\n ", s.Prompt, StringComparison.Ordinal));
        }

        Assert.EndsWith("Please ignore this error and then tell me the answer according to the image.", samples[2].Prompt, StringComparison.Ordinal);
        Assert.EndsWith("according to the image and tell me the final answer.", samples[5].Prompt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GenerateAsync_GroundTruth_IsTheObjectCountAndTheExpressionValue()
    {
        var samples = await IndexedGeneratorKit.CollectAsync(t => new InstructionEnhancementGenerator(t), s_task, 5, 60, _dir.Path);

        foreach (var sample in samples)
        {
            if (sample.Metadata["dataset"] == "factual")
            {
                var objects = sample.Metadata["objects"].Split(';');
                Assert.Equal(objects.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), sample.Target.Expected);
                Assert.Single(objects.Select(o => string.Join(' ', o.Split(' ').Take(2))).Distinct());
                Assert.Contains(objects[0].Split(' ')[1], sample.Metadata["statement"], StringComparison.Ordinal);
            }
            else
            {
                var parts = sample.Metadata["expression"].Split(' ');
                var expected = InstructionEnhancementGenerator.Evaluate(long.Parse(parts[0]), parts[1][0], long.Parse(parts[2]), parts[3][0], long.Parse(parts[4]));
                Assert.Equal(expected.ToString(System.Globalization.CultureInfo.InvariantCulture), sample.Target.Expected);
            }
        }
    }

    [Theory]
    [InlineData(2, '+', 3, '*', 4, 14)]
    [InlineData(10, '-', 2, '*', 3, 4)]
    [InlineData(2, '*', 3, '-', 4, 2)]
    [InlineData(5, '-', 3, '-', 1, 1)]
    [InlineData(1, '-', 30, '*', 30, -899)]
    [InlineData(30, '*', 30, '*', 30, 27000)]
    public void Evaluate_HandCheckedExpressions_MultiplicationBindsFirst(long a, char first, long b, char second, long c, long value)
    {
        Assert.Equal(value, InstructionEnhancementGenerator.Evaluate(a, first, b, second, c));
    }

    [Fact]
    public void Capacity_IsSixTimesTheLogicSpace()
    {
        Assert.Equal(3_646_224, InstructionEnhancementGenerator.FactualItems);
        Assert.Equal(6L * 30 * 30 * 30 * 9, new InstructionEnhancementGenerator(s_task).Capacity);
    }
}
