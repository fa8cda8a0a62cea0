using MultiTrust.Cli.Infrastructure;

namespace MultiTrust.Cli.Tests;

public sealed class ValidateCommandTests
{
    [Fact]
    public async Task Validate_QuickstartPipeline_Ok()
    {
        using var cli = new CliHarness();
        var repoPipeline = Path.Combine(RepoPaths.Root, "pipelines", "quickstart.yaml");

        var (code, output) = await cli.RunAsync("validate", repoPipeline);

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("3 task(s), 4 model(s)", output);
    }

    [Fact]
    public async Task Validate_SeveralProblems_ReportsEachWithLine()
    {
        using var cli = new CliHarness();
        var file = cli.Write("bad.yaml", """
            name: bad
            sample: 3
            tasks:
              - t1-basic
              - t9-nonexistent
            models:
              - provider: baseline:oracle
              - provider: openai-compatible
                model: llava
                concurrency: lots
              - provider: anthropic
                model: claude-sonnet-4-5
            """);

        var (code, output) = await cli.RunAsync("validate", file);

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("bad.yaml:2:1: unknown key 'sample'", output);
        Assert.Contains("bad.yaml:5:5: unknown task 't9-nonexistent'", output);
        Assert.Contains("needs 'endpoint' or 'endpoints'", output);
        Assert.Contains("bad.yaml:10:18: 'concurrency' in a model entry must be a whole number", output);
        Assert.Contains("model 'anthropic' needs 'endpoint' or 'endpoints' (base URLs such as https://api.anthropic.com/v1)", output);
    }

    [Fact]
    public async Task Validate_MalformedYaml_NamesLine()
    {
        using var cli = new CliHarness();
        var file = cli.Write("broken.yaml", "tasks:\n  - t1-basic\nmodels: [baseline:oracle\n");

        var (code, output) = await cli.RunAsync("validate", file);

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("broken.yaml:", output);
        Assert.Contains("malformed YAML", output);
    }

    [Fact]
    public async Task Validate_MissingFile_ClearErrorAndExitCode2()
    {
        using var cli = new CliHarness();

        var (code, output) = await cli.RunAsync("validate", "nope.yaml");

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("'nope.yaml' does not exist", output);
    }

    [Fact]
    public async Task Validate_ApiKeyValueInsteadOfName_Rejected()
    {
        using var cli = new CliHarness();
        var file = cli.Write("key.yaml", """
            tasks: [t1-basic]
            models:
              - provider: openai-compatible
                endpoint: http://127.0.0.1:1/v1
                model: m
                api_key_env: sk-live-123
            """);

        var (code, output) = await cli.RunAsync("validate", file);

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("'api_key_env' is the NAME of an environment variable", output);
    }
}
