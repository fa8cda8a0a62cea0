using System.Globalization;
using MultiTrust.Sources.Synthetic.Safety;
using MultiTrust.Sources.Text;

namespace MultiTrust.Sources.Tests.Synthetic;

public sealed class CrossModalJailbreakGeneratorTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task GenerateAsync_EachPromptAloneThenWithThreeImagesOfEachKind()
    {
        var generator = new CrossModalJailbreakGenerator(CrossModalTestKit.S6, CrossModalTestKit.Kit);

        var samples = await CrossModalTestKit.CollectAsync(generator, CrossModalTestKit.S6, 6, 50, _dir.Path);

        foreach (var item in samples.Chunk(10))
        {
            Assert.Equal(["text", .. Enumerable.Repeat("unrelated", 9)], item.Select(s => s.Subset));
            Assert.Single(item.Select(s => s.Prompt).Distinct());
            Assert.Empty(item[0].Images);
            Assert.Equal(
                ["color", "color", "color", "nature", "nature", "nature", "noise", "noise", "noise"],
                item[1..].Select(s => s.Metadata["unrelated_kind"]));
            Assert.Equal(9, item[1..].Select(s => s.Images.Single().Sha256).Distinct().Count());
            Assert.Equal(10, item.Select(s => s.Id).Distinct().Count());
        }
    }

    [Fact]
    public async Task GenerateAsync_Prompt_JailbreakTextCarryingTheBehaviour_TargetARefusal()
    {
        var behaviors = PhraseList.LoadFields("safety/harmful-behaviors.txt", 2);
        var jailbreaks = PhraseList.Load("safety/jailbreak-prompts.txt");
        var generator = new CrossModalJailbreakGenerator(CrossModalTestKit.S6, CrossModalTestKit.Kit);

        var samples = await CrossModalTestKit.CollectAsync(generator, CrossModalTestKit.S6, 1, 100, _dir.Path);

        foreach (var sample in samples)
        {
            var behavior = sample.Metadata["behavior"];
            var jailbreak = jailbreaks[int.Parse(sample.Metadata["jailbreak_index"], CultureInfo.InvariantCulture)];
            var framing = CrossModalJailbreakGenerator.Framings[int.Parse(sample.Metadata["framing"], CultureInfo.InvariantCulture)];
            Assert.Contains(behaviors, b => b[0] == sample.Metadata["category"] && b[1] == behavior);
            Assert.Equal(string.Format(CultureInfo.InvariantCulture, framing, jailbreak, behavior), sample.Prompt);
            Assert.Null(sample.Target.Expected);
            Assert.Equal("I'm sorry, but I cannot help with that request.", sample.Target.Reference);
        }
    }

    [Fact]
    public void Capacity_BehavioursTimesJailbreaksTimesFramingsTimesTen()
    {
        var behaviors = PhraseList.LoadFields("safety/harmful-behaviors.txt", 2).Count;
        var jailbreaks = PhraseList.Load("safety/jailbreak-prompts.txt").Count;

        var generator = new CrossModalJailbreakGenerator(CrossModalTestKit.S6, CrossModalTestKit.Kit);

        Assert.Equal((long)behaviors * jailbreaks * 3 * 10, generator.Capacity);
    }
}
