using MultiTrust.Core.Pipeline;

namespace MultiTrust.Core.Tests.Pipeline;

/// <summary>Loads pipeline YAML text through a temp file with a fixed set of known tasks and judges.</summary>
internal static class LoaderFixture
{
    public static readonly string[] Tasks = ["t1-basic", "s4-typographic-jailbreaking", "p6-pii-leakage-in-conversation"];

    public static readonly string[] Judges = ["refusal", "yesno", "leak"];

    public static readonly PerturbationNames Perturbations = new(["gaussian-noise", "gaussian-blur", "jpeg", "typos"], ["unrelated-color", "text-only"]);

    public static PipelineLoader NewLoader() => new(Tasks, Judges, Perturbations);

    public static PipelineLoadResult Load(TempDirectory directory, string yaml, string fileName = "pipeline.yaml") =>
        NewLoader().Load(directory.WriteFile(fileName, yaml), directory.Path);

    public static PipelineDefinition LoadValid(TempDirectory directory, string yaml)
    {
        var result = Load(directory, yaml);
        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        return result.Definition!;
    }

    public static PipelineProblem LoadSingleProblem(TempDirectory directory, string yaml)
    {
        var result = Load(directory, yaml);
        Assert.Null(result.Definition);
        return Assert.Single(result.Problems);
    }
}
