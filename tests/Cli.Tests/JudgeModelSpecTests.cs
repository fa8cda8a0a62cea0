using MultiTrust.Core.Pipeline;

namespace MultiTrust.Cli.Tests;

public sealed class JudgeModelSpecTests
{
    [Theory]
    [InlineData("gpt-judge=http://localhost:8000/v1:gpt-4o-2024-08-06", "gpt-judge", "http://localhost:8000/v1", "gpt-4o-2024-08-06")]
    [InlineData("*=openai-compatible:http://127.0.0.1:11434/v1:llava:7b", "*", "http://127.0.0.1:11434/v1", "llava:7b")]
    [InlineData("llm-consistency=http://judge:8000:qwen2", "llm-consistency", "http://judge:8000", "qwen2")]
    [InlineData("harmbench=openai-compatible:http://h:8001/v1:cais/HarmBench-Llama-2-13b-cls", "harmbench", "http://h:8001/v1", "cais/HarmBench-Llama-2-13b-cls")]
    [InlineData(
        "longformer=https://api-inference.huggingface.co/models/LibrAI/longformer-action-ro:LibrAI/longformer-action-ro",
        "longformer", "https://api-inference.huggingface.co/models/LibrAI/longformer-action-ro", "LibrAI/longformer-action-ro")]
    [InlineData("perspective=http://127.0.0.1:5000", "perspective", "http://127.0.0.1:5000", null)]
    [InlineData("moderation=https://api.openai.com/v1:omni-moderation-2024-09-26", "moderation", "https://api.openai.com/v1", "omni-moderation-2024-09-26")]
    public void TryParse_ValidSpec_IdEndpointAndModel(string argument, string id, string endpoint, string? model)
    {
        Assert.True(JudgeModelSpec.TryParse(argument, out var spec, out var error), error);

        Assert.Equal(new JudgeModelSpec(id, endpoint, model), spec);
    }

    [Theory]
    [InlineData("gpt-judge", "is not ID=SPEC")]
    [InlineData("=http://h/v1:m", "is not ID=SPEC")]
    [InlineData("gpt4=http://h/v1:m", "unknown judge model 'gpt4'")]
    [InlineData("llm-=http://h/v1:m", "unknown judge model 'llm-'")]
    [InlineData("gpt-judge=localhost:8000/v1:m", "unknown provider 'localhost'")]
    [InlineData("gpt-judge=vllm:http://h/v1:m", "unknown provider 'vllm'")]
    [InlineData("gpt-judge=openai-compatible:h/v1:m", "does not start with an http(s) endpoint")]
    [InlineData("gpt-judge=http://h:8000/v1", "has no model")]
    [InlineData("gpt-judge=http://127.0.0.1:8000", "has no model")]
    [InlineData("gpt-judge=http://h/v1?key=1:m", "is not an absolute http(s) URL without query")]
    [InlineData("longformer=openai-compatible:http://h/models/x:m", "judge 'longformer' is not called through an OpenAI-compatible API")]
    public void TryParse_BadSpec_FalseNamingTheProblem(string argument, string message)
    {
        Assert.False(JudgeModelSpec.TryParse(argument, out var spec, out var error));

        Assert.Null(spec);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void ApplyTo_ExistingEntry_ReplacesEndpointAndModelKeepsTheRest()
    {
        var existing = new JudgeModelDefinition(
            "llm-x", "http://old/v1", "old-model", "KEY", "/t.txt", 3, TimeSpan.FromSeconds(5), new SourceLocation("p.yaml", 4, 3)) { Api = "completions" };

        var entry = new JudgeModelSpec("*", "http://new/v1", "new-model").ApplyTo("llm-x", existing);

        Assert.Equal(
            existing with { Endpoint = "http://new/v1", Model = "new-model", Location = JudgeModelSpec.Location },
            entry);
    }

    [Theory]
    [InlineData("gpt-judge", null)]
    [InlineData("perspective", "PERSPECTIVE_API_KEY")]
    [InlineData("moderation", "OPENAI_API_KEY")]
    public void ApplyTo_NoEntry_CreatesEntryWithLoaderDefaults(string id, string? keyVariable)
    {
        var entry = new JudgeModelSpec(id, "http://h/v1", "m").ApplyTo(id, null);

        Assert.Equal(
            new JudgeModelDefinition(id, "http://h/v1", "m", keyVariable, null, 8, TimeSpan.FromSeconds(60), JudgeModelSpec.Location),
            entry);
    }
}
