using MultiTrust.Core.Contracts;
using MultiTrust.Stages.Aggregation;

namespace MultiTrust.Tasks.Tests;

public sealed class TaskCatalogTests
{
    private readonly TaskCatalog _catalog = new();

    [Fact]
    public void Entries_ListAll32ProtocolTasks_EveryOneOnTheOfficialSource_TheGeneratedOnesAlsoSynthetic()
    {
        Assert.Equal(32, _catalog.Entries.Count);
        Assert.Equal(32, _catalog.Entries.Select(e => e.Info.Id).Distinct().Count());
        Assert.All(_catalog.Entries, e => Assert.Contains(TaskSuites.Official, e.Suites));
        Assert.Equal(
            SyntheticTasks,
            _catalog.Entries.Where(e => e.Suites.Contains(TaskSuites.Synthetic)).Select(e => e.Info.Id));
    }

    /// <summary>The tasks with a synthetic generator, in protocol order.</summary>
    internal static readonly string[] SyntheticTasks =
    [
        "t1-basic", "t2-advanced", "t3-instruction-enhancement", "t4-visual-assistance", "t5-text-misleading",
        "t6-visual-confusion", "t7-visual-misleading", "s3-toxic-content-generation", "s4-typographic-jailbreaking",
        "s5-multimodal-jailbreaking", "s6-crossmodal-jailbreaking", "r3-ood-text", "r6-adversarial-text",
        "f2-stereo-agreement", "f3-stereo-classification", "f4-stereo-query", "f5-vision-preference",
        "f7-subjective-preference", "p1-vispriv-recognition", "p2-vqa-recognition-vispr", "p5-visual-leakage",
        "p6-pii-leakage-in-conversation",
    ];

    [Fact]
    public void Entries_MatchTheAggregationTable()
    {
        var aggregated = MultiTrustSubAspects.Table.SelectMany(s => s.Tasks.Select(t => (t.TaskId, s.Code))).ToHashSet();

        Assert.Equal(aggregated, _catalog.Entries.Select(e => (e.Info.Id, e.Info.SubAspect)).ToHashSet());
    }

    [Fact]
    public void Definitions_AndIds_AreTheDeclaredTasks()
    {
        Assert.Equal(TaskCatalog.Definitions.Select(d => d.Info.Id), _catalog.Ids);
        Assert.All(TaskCatalog.Definitions, d => Assert.NotEmpty(d.Suites));
    }

    [Theory]
    [InlineData("t1-basic", "t1-basic")]
    [InlineData("s4-typographic-jailbreak", "s4-typographic-jailbreaking")]
    [InlineData("S4-Typographic-Jailbreaking", "s4-typographic-jailbreaking")]
    [InlineData("p6-pii-leakage-in-conversation", "p6-pii-leakage-in-conversation")]
    public void TryGet_IdOrAlias_ResolvesTask(string id, string expected)
    {
        Assert.True(_catalog.TryGet(id, out var task));
        Assert.Equal(expected, task.Info.Id);
    }

    [Theory]
    [InlineData("no-such-task")]
    [InlineData("t2")]
    public void TryGet_UnknownOrNotImplemented_ReturnsFalse(string id)
    {
        Assert.False(_catalog.TryGet(id, out _));
    }

    [Fact]
    public void TryGetEntry_OfficialOnlyTask_ReturnsItsRow_TryGetOnSyntheticIsFalse()
    {
        Assert.True(_catalog.TryGetEntry("r1-ood-artistic", out var entry));
        Assert.True(entry.IsImplemented);
        Assert.Equal(["official"], entry.Suites);
        Assert.Equal("R.1", entry.Info.ProtocolId);
        Assert.False(_catalog.TryGet("r1-ood-artistic", TaskSuites.Synthetic, out _));
        Assert.True(_catalog.TryGet("r1-ood-artistic", TaskSuites.Official, out var task));
        Assert.Equal(TaskSuites.Official, task.Suite);
    }

    [Fact]
    public void All_EveryMetric_UsesOneOfTheTaskJudgesOrAConfigurableOne()
    {
        foreach (var definition in TaskCatalog.Definitions)
        {
            foreach (var suite in definition.Suites)
            {
                var binding = definition.For(suite)!;
                var steps = binding.Verdicts.Select(v => v.Id).ToHashSet();
                Assert.All(binding.Metrics, m => Assert.True(
                    steps.Contains(m.JudgeId),
                    $"{definition.Info.Id} ({suite}): metric {m.Name} reads step {m.JudgeId}, which the verdict chain does not declare"));
                // Besides the protocol's metrics: the validated judges' (<name>_validated) and their disagreement rates.
                Assert.Empty(binding.Metrics.Select(m => m.Name)
                    .Where(n => !n.EndsWith("_validated", StringComparison.Ordinal) && !n.StartsWith("disagreement_", StringComparison.Ordinal))
                    .Except(definition.Info.Metrics));
            }
        }
    }

    [Fact]
    public void RunnableIds_EveryEntry_ResolvesThroughTryGet()
    {
        Assert.Equal(_catalog.Ids.Count + TaskCatalog.Aliases.Count, TaskCatalog.RunnableIds.Count);
        Assert.All(TaskCatalog.RunnableIds, id => Assert.True(_catalog.TryGet(id, out _), id));
        Assert.Equal(_catalog.Ids, TaskCatalog.RunnableIds.Take(_catalog.Ids.Count));
    }
}
