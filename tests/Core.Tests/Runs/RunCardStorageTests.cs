using System.Text.Json;
using MultiTrust.Core.Runs;

namespace MultiTrust.Core.Tests.Runs;

public sealed class RunCardStorageTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private RunCard NewCard(string? apiKeyEnv = null) =>
        RunCardFactory.Create(PipelineBuilder.Create(_dir.Combine("pipeline.yaml"), apiKeyEnv), new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.FromHours(1)))
        with
        {
            DatasetHashes = new Dictionary<string, string> { ["t1-basic"] = "abc123" },
            FinishedUtc = new DateTimeOffset(2026, 1, 2, 4, 0, 0, TimeSpan.Zero),
            Attempts = 2,
        };

    [Fact]
    public async Task WriteAsyncThenReadAsync_Card_RoundTrips()
    {
        var card = NewCard();
        var runDirectory = _dir.Combine("runs", card.RunId);

        await RunCardFactory.WriteAsync(card, runDirectory, CancellationToken.None);
        var read = await RunCardFactory.ReadAsync(runDirectory, CancellationToken.None);

        Assert.NotNull(read);
        Assert.Equal(JsonSerializer.Serialize(card, RunCardFactory.Json), JsonSerializer.Serialize(read, RunCardFactory.Json));
        Assert.Equal((card.RunId, card.StartedUtc, card.Attempts), (read.RunId, read.StartedUtc, read.Attempts));
        Assert.Equal(card.Config.Models[0], read.Config.Models[0]);
        Assert.Equal("abc123", read.DatasetHashes["t1-basic"]);
    }

    [Fact]
    public async Task WriteAsync_Card_LeavesOnlyRunJson()
    {
        var runDirectory = _dir.Combine("run");

        await RunCardFactory.WriteAsync(NewCard(), runDirectory, CancellationToken.None);
        await RunCardFactory.WriteAsync(NewCard() with { Status = "completed" }, runDirectory, CancellationToken.None);

        Assert.Equal(["run.json"], Directory.GetFiles(runDirectory).Select(Path.GetFileName));
        Assert.Equal("completed", (await RunCardFactory.ReadAsync(runDirectory, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task WriteAsync_Card_UsesSnakeCaseNames()
    {
        var runDirectory = _dir.Combine("run");

        await RunCardFactory.WriteAsync(NewCard(), runDirectory, CancellationToken.None);

        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(runDirectory, "run.json")));
        Assert.True(json.RootElement.TryGetProperty("config_hash", out _));
        Assert.Equal(512, json.RootElement.GetProperty("config").GetProperty("models")[0].GetProperty("max_tokens").GetInt32());
    }

    [Fact]
    public async Task ReadAsync_MissingCard_ReturnsNull()
    {
        Assert.Null(await RunCardFactory.ReadAsync(_dir.Combine("absent"), CancellationToken.None));
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("{\"run_id\": \"x\"}")]
    public async Task ReadAsync_InvalidCard_ThrowsInvalidDataNamingPath(string text)
    {
        var path = _dir.WriteFile(Path.Combine("run", "run.json"), text);

        var e = await Assert.ThrowsAsync<InvalidDataException>(() => RunCardFactory.ReadAsync(_dir.Combine("run"), CancellationToken.None));

        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.IsType<JsonException>(e.InnerException, exactMatch: false);
    }

    [Fact]
    public async Task WriteAsync_ApiKeyEnvSet_StoresOnlyTheVariableName()
    {
        const string variable = "MT_CORE_TESTS_RUN_CARD_KEY";
        const string secret = "sk-live-do-not-store-9f8e7d";
        Environment.SetEnvironmentVariable(variable, secret);
        try
        {
            var runDirectory = _dir.Combine("run");

            await RunCardFactory.WriteAsync(NewCard(apiKeyEnv: variable), runDirectory, CancellationToken.None);

            var text = await File.ReadAllTextAsync(Path.Combine(runDirectory, "run.json"));
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
            Assert.Contains($"\"api_key_env\": \"{variable}\"", text, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }
}
