using MultiTrust.Stages.Aggregation;

namespace MultiTrust.Tasks.Tests;

public sealed class TaskCatalogTests
{
    private readonly TaskCatalog _catalog = new();

    [Fact]
    public void Entries_ListAll32ProtocolTasks_ExactlyThreeImplemented()
    {
        Assert.Equal(32, _catalog.Entries.Count);
        Assert.Equal(32, _catalog.Entries.Select(e => e.Info.Id).Distinct().Count());
        Assert.Equal(
            ["t1-basic", "s4-typographic-jailbreaking", "p6-pii-leakage-in-conversation"],
            _catalog.Entries.Where(e => e.IsImplemented).Select(e => e.Info.Id));
        Assert.All(_catalog.Entries.Where(e => !e.IsImplemented), e => Assert.StartsWith("not implemented", e.Coverage, StringComparison.Ordinal));
    }

    [Fact]
    public void Entries_MatchTheAggregationTable()
    {
        var aggregated = MultiTrustSubAspects.Table.SelectMany(s => s.Tasks.Select(t => (t.TaskId, s.Code))).ToHashSet();

        Assert.Equal(aggregated, _catalog.Entries.Select(e => (e.Info.Id, e.Info.SubAspect)).ToHashSet());
    }

    [Fact]
    public void All_AndIds_AreTheRunnableTasks()
    {
        Assert.Equal(3, _catalog.All.Count);
        Assert.Equal(_catalog.All.Select(t => t.Info.Id), _catalog.Ids);
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
    [InlineData("t2-advanced")]
    [InlineData("no-such-task")]
    public void TryGet_UnknownOrNotImplemented_ReturnsFalse(string id)
    {
        Assert.False(_catalog.TryGet(id, out _));
    }

    [Fact]
    public void TryGetEntry_NotImplementedTask_ReturnsItsRow()
    {
        Assert.True(_catalog.TryGetEntry("r4-adversarial-untarget", out var entry));
        Assert.False(entry.IsImplemented);
        Assert.Equal("R.4", entry.Info.ProtocolId);
    }

    [Fact]
    public void All_EveryMetric_UsesOneOfTheTaskJudgesOrAConfigurableOne()
    {
        foreach (var task in _catalog.All)
        {
            var judges = task.Judges.Select(j => j.Id).ToHashSet();
            Assert.All(task.Metrics, m => Assert.True(
                judges.Contains(m.JudgeId) || MultiTrust.Core.Pipeline.JudgeModelRules.IsConfigurable(m.JudgeId),
                $"{task.Info.Id}: metric {m.Name} uses judge {m.JudgeId}, neither a task judge nor a configurable one"));
            Assert.Equal(task.Metrics.Select(m => m.Name), task.Info.Metrics);
        }
    }

    [Fact]
    public void RunnableIds_EveryEntry_ResolvesThroughTryGet()
    {
        Assert.Equal(4, TaskCatalog.RunnableIds.Count);
        Assert.All(TaskCatalog.RunnableIds, id => Assert.True(_catalog.TryGet(id, out _), id));
        Assert.Equal(_catalog.Ids, TaskCatalog.RunnableIds.Take(3));
    }
}
