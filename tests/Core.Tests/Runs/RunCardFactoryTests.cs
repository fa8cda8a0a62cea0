using MultiTrust.Core.Pipeline;
using MultiTrust.Core.Runs;

namespace MultiTrust.Core.Tests.Runs;

public sealed class RunCardFactoryTests
{
    private static readonly DateTimeOffset s_started = new(2026, 12, 4, 18, 30, 0, TimeSpan.Zero);

    private static string RunIdOf(PipelineDefinition pipeline) =>
        RunCardFactory.RunIdOf(pipeline, RunCardFactory.HashOf(RunCardFactory.ConfigOf(pipeline)), s_started);

    private static PipelineDefinition WithFirstModel(Func<ModelDefinition, ModelDefinition> change)
    {
        var pipeline = PipelineBuilder.Create();
        return pipeline with { Models = [change(pipeline.Models[0]), .. pipeline.Models.Skip(1)] };
    }

    [Fact]
    public void RunIdOf_NoExplicitId_IsNameDashTwelveHexDashUtcStart()
    {
        var pipeline = PipelineBuilder.Create();
        var hash = RunCardFactory.HashOf(RunCardFactory.ConfigOf(pipeline));

        var runId = RunCardFactory.RunIdOf(pipeline, hash, s_started);

        Assert.Matches("^nightly-[0-9a-f]{12}-[0-9]{8}T[0-9]{6}Z$", runId);
        Assert.Equal($"nightly-{hash[..12]}-20261204T183000Z", runId);
        Assert.Equal($"nightly-{hash[..12]}", RunCardFactory.ConfigurationPrefix(pipeline, hash));
    }

    [Fact]
    public void RunIdOf_StartWithOffset_IsWrittenInUtc()
    {
        var pipeline = PipelineBuilder.Create();
        var hash = RunCardFactory.HashOf(RunCardFactory.ConfigOf(pipeline));

        var runId = RunCardFactory.RunIdOf(pipeline, hash, new DateTimeOffset(2026, 12, 4, 20, 30, 0, TimeSpan.FromHours(2)));

        Assert.EndsWith("-20261204T183000Z", runId);
    }

    [Fact]
    public void RunIdOf_LaterStart_SortsAfterEarlierOrdinally()
    {
        var pipeline = PipelineBuilder.Create();
        var hash = RunCardFactory.HashOf(RunCardFactory.ConfigOf(pipeline));
        DateTimeOffset[] starts = [new(2026, 12, 31, 23, 59, 59, TimeSpan.Zero), new(2027, 1, 1, 0, 0, 0, TimeSpan.Zero), new(2027, 1, 10, 9, 5, 0, TimeSpan.Zero)];

        var ids = starts.Select(s => RunCardFactory.RunIdOf(pipeline, hash, s)).ToList();

        Assert.Equal(ids, ids.Order(StringComparer.Ordinal));
        Assert.Equal(3, ids.Distinct().Count());
    }

    [Fact]
    public void RunIdOf_SameConfigAndStart_IsStable()
    {
        Assert.Equal(RunIdOf(PipelineBuilder.Create()), RunIdOf(PipelineBuilder.Create()));
    }

    public static TheoryData<string> ResultRelevantChanges =>
    [
        "seed", "task-added", "task-samples", "task-order", "model-name", "model-id", "model-added", "temperature",
        "max-tokens", "top-p", "generation-seed", "judges", "judges-empty", "revision",
    ];

    [Theory]
    [MemberData(nameof(ResultRelevantChanges))]
    public void RunIdOf_ResultRelevantChange_ChangesId(string change)
    {
        var pipeline = PipelineBuilder.Create();
        var changed = change switch
        {
            "seed" => pipeline with { Seed = 43 },
            "task-added" => pipeline with { Tasks = [.. pipeline.Tasks, new TaskSelection("p6-pii-leakage-in-conversation", 10, PipelineBuilder.Location)] },
            "task-samples" => pipeline with { Tasks = [pipeline.Tasks[0] with { Samples = 11 }, pipeline.Tasks[1]] },
            "task-order" => pipeline with { Tasks = [pipeline.Tasks[1], pipeline.Tasks[0]] },
            "model-name" => WithFirstModel(m => m with { Model = "qwen" }),
            "model-id" => WithFirstModel(m => m with { Id = "other" }),
            "model-added" => pipeline with { Models = [.. pipeline.Models, PipelineLoader.Create("baseline:refuse", [], null, PipelineBuilder.Location)] },
            "temperature" => WithFirstModel(m => m with { Generation = m.Generation with { Temperature = 0.1 } }),
            "max-tokens" => WithFirstModel(m => m with { Generation = m.Generation with { MaxTokens = 513 } }),
            "top-p" => WithFirstModel(m => m with { Generation = m.Generation with { TopP = 0.9 } }),
            "generation-seed" => WithFirstModel(m => m with { Generation = m.Generation with { Seed = 1 } }),
            "judges" => pipeline with { Judges = ["leak"] },
            "judges-empty" => pipeline with { Judges = [] },
            "revision" => WithFirstModel(m => m with { Revision = "2026-11-28" }),
            _ => throw new ArgumentOutOfRangeException(nameof(change), change, null),
        };

        Assert.NotEqual(RunIdOf(pipeline), RunIdOf(changed));
    }

    public static TheoryData<string> OperationalChanges =>
        ["endpoints", "concurrency", "timeout", "retries", "output", "cache", "report", "description", "source", "location"];

    [Theory]
    [MemberData(nameof(OperationalChanges))]
    public void RunIdOf_OperationalChange_KeepsId(string change)
    {
        var pipeline = PipelineBuilder.Create();
        var changed = change switch
        {
            "endpoints" => WithFirstModel(m => m with { Endpoints = ["http://10.0.0.1:8000/v1", "http://10.0.0.2:8000/v1"] }),
            "concurrency" => WithFirstModel(m => m with { Concurrency = 1 }),
            "timeout" => WithFirstModel(m => m with { Timeout = TimeSpan.FromSeconds(5) }),
            "retries" => WithFirstModel(m => m with { MaxRetries = 0 }),
            "output" => pipeline with { Output = "/elsewhere" },
            "cache" => pipeline with { Cache = false },
            "report" => pipeline with { Report = false },
            "description" => pipeline with { Description = "other" },
            "source" => pipeline with { SourcePath = "/other/p.yaml" },
            "location" => WithFirstModel(m => m with { Location = new SourceLocation("x.yaml", 9, 9) }),
            _ => throw new ArgumentOutOfRangeException(nameof(change), change, null),
        };

        Assert.Equal(RunIdOf(pipeline), RunIdOf(changed));
    }

    [Fact]
    public void RunIdOf_ExplicitRunId_Wins()
    {
        var pipeline = PipelineBuilder.Create() with { RunId = "my-run.1" };

        Assert.Equal("my-run.1", RunIdOf(pipeline));
    }

    [Theory]
    [InlineData("My Pipeline!", "My-Pipeline")]
    [InlineData("a/b\\c.d", "a-b-c-d")]
    [InlineData("under_score-dash", "under_score-dash")]
    [InlineData("  ", "run")]
    [InlineData("日本", "run")]
    [InlineData("", "run")]
    public void RunIdOf_NameWithOddCharacters_IsSanitised(string name, string expectedPrefix)
    {
        var pipeline = PipelineBuilder.Create() with { Name = name };

        Assert.Matches($"^{expectedPrefix}-[0-9a-f]{{12}}-20261204T183000Z$", RunIdOf(pipeline));
    }

    [Fact]
    public void Create_Pipeline_FillsCardFromDefinition()
    {
        var pipeline = PipelineBuilder.Create();
        var started = s_started;

        var card = RunCardFactory.Create(pipeline, started);

        Assert.Equal(RunIdOf(pipeline), card.RunId);
        Assert.Equal(("nightly", "/nonexistent/pipeline.yaml", "smoke", "running", started), (card.Pipeline, card.PipelineFile, card.Description, card.Status, card.StartedUtc));
        Assert.Equal(RunCardFactory.HashOf(card.Config), card.ConfigHash);
        Assert.Equal(Environment.ProcessorCount, card.Host.Cpus);
        Assert.Null(card.FinishedUtc);
    }
}
