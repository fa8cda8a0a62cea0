using MultiTrust.Core.Pipeline;
using MultiTrust.Core.Runs;

namespace MultiTrust.Core.Tests.Pipeline;

public sealed class PipelineLoaderVariantTests
{
    [Fact]
    public void Load_Variants_ShorthandChainsAndBareNamesExpandInOrder()
    {
        using var dir = new TempDirectory();

        var pipeline = LoaderFixture.LoadValid(dir, """
            tasks:
              - id: t1-basic
                samples: 10
                variants:
                  - gaussian-noise: [2, 4]
                  - jpeg@5
                  - gaussian-blur@2+jpeg@4
                  - unrelated-color
              - p6-pii-leakage-in-conversation
            models: [baseline:oracle]
            """);

        Assert.Equal(
            ["gaussian-noise@2", "gaussian-noise@4", "jpeg@5", "gaussian-blur@2+jpeg@4", "unrelated-color"],
            pipeline.Tasks[0].Variants.Select(v => v.Label));
        Assert.Equal(2, pipeline.Tasks[0].Variants[3].Steps.Length);
        Assert.Null(pipeline.Tasks[0].Variants[4].Steps[0].Severity);
        Assert.Empty(pipeline.Tasks[1].Variants);
    }

    [Theory]
    [InlineData("- gaussian-noise@9", "severity after '@' must be a whole number from 1 to 5")]
    [InlineData("- gaussian-noise", "'gaussian-noise' needs a severity")]
    [InlineData("- unrelated-color@2", "'unrelated-color' takes no severity")]
    [InlineData("- sparkle@2", "unknown perturbation 'sparkle'; known:")]
    [InlineData("- jpeg: []", "'jpeg' needs a list of severities")]
    [InlineData("- jpeg@2\n      - jpeg@2", "variant 'jpeg@2' is listed twice")]
    public void Load_BadVariant_ProblemNamesTheStepAndLine(string entries, string expected)
    {
        using var dir = new TempDirectory();

        var problem = LoaderFixture.LoadSingleProblem(dir, $"""
            tasks:
              - id: t1-basic
                variants:
                  {entries.Replace("\n      ", "\n      ", StringComparison.Ordinal)}
            models: [baseline:oracle]
            """);

        Assert.Contains(expected, problem.Message, StringComparison.Ordinal);
        Assert.True(problem.Location.Line >= 4, problem.ToString());
    }

    [Fact]
    public void ConfigOf_VariantsChangeTheHash_NoVariantsKeepTheOldShape()
    {
        using var dir = new TempDirectory();
        var plain = LoaderFixture.LoadValid(dir, "tasks: [t1-basic]\nmodels: [baseline:oracle]\n");
        var varied = LoaderFixture.LoadValid(dir, "tasks:\n  - id: t1-basic\n    variants: [jpeg@3]\nmodels: [baseline:oracle]\n");

        var plainJson = System.Text.Json.JsonSerializer.Serialize(RunCardFactory.ConfigOf(plain));

        Assert.DoesNotContain("variants", plainJson, StringComparison.Ordinal);
        Assert.NotEqual(RunCardFactory.HashOf(RunCardFactory.ConfigOf(plain)), RunCardFactory.HashOf(RunCardFactory.ConfigOf(varied)));
        Assert.Equal(["jpeg@3"], RunCardFactory.ConfigOf(varied).Tasks[0].Variants!);
    }

    [Fact]
    public void Load_ImagesFromVariant_FolderResolvedBesideTheFileAndMissingFolderReported()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(dir.Path, "adv"));

        var pipeline = LoaderFixture.LoadValid(dir, """
            tasks:
              - id: t1-basic
                variants:
                  - { id: adv-untarget, images_from: adv }
            models: [baseline:oracle]
            """);
        var problem = LoaderFixture.LoadSingleProblem(dir, """
            tasks:
              - id: t1-basic
                variants:
                  - { id: adv-target, images_from: nowhere }
            models: [baseline:oracle]
            """);

        var chain = Assert.Single(pipeline.Tasks[0].Variants);
        Assert.Equal("adv-untarget", chain.Label);
        Assert.Equal(Path.Combine(dir.Path, "adv"), chain.ImagesFrom);
        Assert.Contains("images_from: folder not found", problem.Message, StringComparison.Ordinal);
        Assert.Equal(4, problem.Location.Line);
    }
}
