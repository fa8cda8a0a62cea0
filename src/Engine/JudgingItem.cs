using System.Collections.Immutable;
using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;

namespace MultiTrust.Engine;

/// <summary>
/// One response inside the judging stage: its chain in progress, and how many of its model-backed steps are still
/// being called (the last one to finish hands the item back to the rule block).
/// </summary>
internal sealed class JudgingItem(WorkResult result, VerdictChainRun run)
{
    private int _outstanding;
    private volatile bool _abandoned;

    public WorkResult Result { get; } = result;

    public VerdictChainRun Run { get; } = run;

    /// <summary>Set when a model-backed step was cancelled by an abort: the item is dropped (redone on resume).</summary>
    public bool Abandoned => _abandoned;

    public void Abandon() => _abandoned = true;

    /// <summary>Sets the number of model-backed calls started for the item, before any is posted.</summary>
    public void Expect(int calls) => Volatile.Write(ref _outstanding, calls);

    /// <summary>Counts a finished call; true for the last one.</summary>
    public bool FinishCall() => Interlocked.Decrement(ref _outstanding) == 0;

    /// <summary>
    /// The item for the sink: the response with a judgments row per step decided. A committed response judged again
    /// gives only the new rows (each one revision above the row it supersedes) and is not written again.
    /// </summary>
    public EvaluatedItem ToEvaluated()
    {
        var (item, response, committed) = (Result.Item, Result.Response!, Result.Committed);
        var verdicts = Run.Verdicts;
        var judgments = ImmutableArray.CreateBuilder<Judgment>(verdicts.Count);
        foreach (var (judge, verdict) in verdicts)
        {
            var revision = committed is not null && committed.Judgments.TryGetValue(judge.Id, out var before) ? before.Revision + 1 : 0;
            judgments.Add(new Judgment(
                response.SampleId, response.VariantId, response.ModelId, response.TaskId, item.Sample.Subset,
                judge.Id, judge.Version, verdict.Label, verdict.Score, verdict.Status, verdict.Raw, item.Sample.Target.Expected, revision));
        }

        return new EvaluatedItem(item.Sample, item.Variant, response, judgments.MoveToImmutable(), item.WriteSampleRow && committed is null)
        {
            JudgmentsOnly = committed is not null,
        };
    }
}

/// <summary>One model-backed step of one item, queued on its judge model's block.</summary>
internal readonly record struct ModelStepCall(JudgingItem Item, int Step);
