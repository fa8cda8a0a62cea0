using MultiTrust.Core.Pipeline;

namespace MultiTrust.Core.Tests.Runs;

/// <summary>Small pipeline definitions for run-card tests.</summary>
internal static class PipelineBuilder
{
    public static readonly SourceLocation Location = new("pipeline.yaml", 1, 1);

    public static ModelDefinition OpenAIModel(string? apiKeyEnv = null) =>
        PipelineLoader.Create("openai-compatible", ["http://localhost:8000/v1"], "llava", Location) with { ApiKeyEnv = apiKeyEnv };

    public static PipelineDefinition Create(string sourcePath = "/nonexistent/pipeline.yaml", string? apiKeyEnv = null) => new(
        Name: "nightly",
        Description: "smoke",
        Seed: 42,
        Output: "/nonexistent/out",
        RunId: null,
        Tasks: [new TaskSelection("t1-basic", 10, Location), new TaskSelection("s4-typographic-jailbreaking", 5, Location)],
        Models: [OpenAIModel(apiKeyEnv), PipelineLoader.Create("baseline:oracle", [], null, Location)],
        Judges: ["refusal"],
        Cache: true,
        Report: true,
        SourcePath: sourcePath);
}
