using MultiTrust.Cli.Infrastructure;
using MultiTrust.Core.Records;
using MultiTrust.Testing;

namespace MultiTrust.Cli.Tests;

/// <summary>
/// The quickstart's tasks run end to end against each provider's wire format on the loopback server: keys from the
/// environment variables the pipeline names reach the provider's own header, image bytes arrive intact and their hashes
/// are the ones recorded on the rows, and a safety block or a token-limit stop becomes a typed status.
/// </summary>
public sealed class ProviderRunTests
{
    public static TheoryData<string> Providers => ["openai-compatible", "azure-openai", "anthropic", "gemini"];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Run_QuickstartTasksAgainstProvider_AnswersWithImagesAndTypedSafetyAndLengthRows(string provider)
    {
        const string key = "loopback-key-0123456789";
        await using var server = await LoopbackModelServer.StartAsync();
        server.Reply = r => r.LastUserText!.Contains("[Yes] or [No]", StringComparison.Ordinal) ? "Yes." : "I can't help with that.";
        server.Faults.Policy = r => r.LastUserText is { } text && text.Length % 7 == 0 ? Fault.ContentFilter()
            : r.LastUserText is { } other && other.Length % 7 == 1 ? Fault.Length()
            : null;
        using var cli = new CliHarness();
        cli.Environment["LOOP_KEY"] = key;
        var (endpoint, model) = provider switch
        {
            "azure-openai" => (server.RootUrl, "eval-deployment"),
            "gemini" => (server.GeminiBaseUrl, "gemini-test"),
            _ => (server.BaseUrl, "test-model"),
        };
        var file = cli.Write("providers.yaml", $"""
            name: providers
            seed: 11
            tasks:
              - id: t1-basic
                samples: 12
              - id: s4-typographic-jailbreaking
                samples: 6
              - id: p6-pii-leakage-in-conversation
                samples: 6
            models:
              - id: loop
                provider: {provider}
                endpoint: {endpoint}
                model: {model}
                api_key_env: LOOP_KEY
                concurrency: 4
                generation:
                  max_tokens: 256
            """);

        var (code, output) = await cli.RunAsync("run", file, "--out", "out");

        Assert.True(code == ExitCodes.Ok, output);
        var responses = await RunOutputs.ResponsesAsync(RunOutputs.SingleRunDir(Path.Combine(cli.WorkingDirectory, "out")));
        Assert.Equal(24, responses.Count);
        Assert.Contains(responses, r => r.Status == ResponseStatus.Answered);
        Assert.Contains(responses, r => r.Status == ResponseStatus.ContentFiltered && r.Text is null);
        Assert.Contains(responses, r => r.Status == ResponseStatus.Truncated && r.Text is not null);
        Assert.DoesNotContain(responses, r => r.Status is ResponseStatus.Error or ResponseStatus.Timeout);
        Assert.DoesNotContain(key, output, StringComparison.Ordinal);

        var requests = server.Requests;
        Assert.All(requests, r => Assert.Null(r.ParseError));
        Assert.All(requests, r => Assert.Contains(key, string.Join(' ', r.Headers.Values), StringComparison.Ordinal));
        var sent = requests.Where(r => r.ImageSha256s.Count > 0).Select(r => string.Join(',', r.ImageSha256s)).ToHashSet();
        var recorded = responses.Where(r => r.ImageSha256s.Length > 0).Select(r => r.ImageSha256s).ToHashSet();
        Assert.NotEmpty(recorded);
        Assert.Equal(recorded.Order(), sent.Order());
        Assert.Equal(ExpectedPath(provider, model), requests[0].Path);
    }

    [Fact]
    public async Task Run_EntraTokenVariableNotSet_FailsNamingTheVariableWithoutSending()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        using var cli = new CliHarness();
        var file = cli.Write("azure.yaml", $"""
            name: azure
            tasks: [t1-basic]
            models:
              - provider: azure-openai
                endpoint: {server.RootUrl}
                model: d
                entra_token_env: AZ_TOKEN
            """);

        var (code, output) = await cli.RunAsync("run", file, "--out", "out", "--samples", "2");

        Assert.NotEqual(ExitCodes.Ok, code);
        Assert.Contains("AZ_TOKEN", output, StringComparison.Ordinal);
        Assert.Equal(0, server.TotalRequests);
    }

    private static string ExpectedPath(string provider, string model) => provider switch
    {
        "azure-openai" => $"/openai/deployments/{model}/chat/completions",
        "anthropic" => "/v1/messages",
        "gemini" => $"/v1beta/models/{model}:generateContent",
        _ => "/v1/chat/completions",
    };
}
