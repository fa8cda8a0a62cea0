using MultiTrust.Sources.Synthetic;
using MultiTrust.Sources.Synthetic.Privacy;
using MultiTrust.Sources.Synthetic.Safety;
using MultiTrust.Sources.Synthetic.Scenes;

namespace MultiTrust.Sources.Tests.Synthetic;

/// <summary>Sample <c>i</c> depends only on (seed, task, i): the thread count never shows in the output.</summary>
public sealed class SyntheticParallelismTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("t1", 60)]
    [InlineData("s4", 45)]
    [InlineData("p6", 40)]
    public async Task ReadAsync_Parallelism1And8_IdenticalIdsAndImageHashes(string generator, int count)
    {
        IIndexedSampleGenerator Create() => generator switch
        {
            "t1" => new SceneGenerator(GeneratorTestKit.T1),
            "s4" => new TypographicJailbreakGenerator(GeneratorTestKit.S4),
            _ => new PiiConversationGenerator(GeneratorTestKit.P6),
        };
        var one = Path.Combine(_dir.Path, "one");
        var eight = Path.Combine(_dir.Path, "eight");

        var sequential = await GeneratorTestKit.CollectAsync(Create(), 17, count, one, parallelism: 1);
        var parallel = await GeneratorTestKit.CollectAsync(Create(), 17, count, eight, parallelism: 8);

        Assert.Equal(await GeneratorTestKit.FingerprintAsync(sequential, one), await GeneratorTestKit.FingerprintAsync(parallel, eight));
        Assert.Equal(count, sequential.Select(s => s.Id).Distinct().Count());
    }

    [Fact]
    public async Task GenerateAsync_AnyIndexAlone_EqualsTheSameIndexInARun()
    {
        var generator = new SceneGenerator(GeneratorTestKit.T1);
        var run = await GeneratorTestKit.CollectAsync(generator, 3, 12, _dir.Path);
        var store = new MultiTrust.Sources.Storage.FileBlobStore(_dir.Path);

        var alone = await generator.GenerateAsync(10, new MultiTrust.Core.Contracts.TaskGenerationContext(3, 1, store), CancellationToken.None);

        Assert.Equal(run[10].Id, alone.Id);
    }
}
