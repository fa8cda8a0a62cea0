using System.Threading.Tasks.Dataflow;
using MultiTrust.Core.Contracts;

namespace MultiTrust.Engine;

/// <summary>
/// The judging stage. Rule steps of every item run on one CPU-bound block (<see cref="EngineOptions.JudgeParallelism"/>);
/// each model-backed step (<see cref="IModelBackedJudge"/>) runs on the block of its judge model, at that judge model's
/// concurrency. A step starts as soon as the earlier steps it reads are decided, so the model-backed judges of one item
/// run at the same time, and the number of judge calls in flight is set by the judge models, not by the cores.
/// </summary>
/// <remarks>
/// Items enter through a bounded block (back-pressure on inference) and are admitted while fewer than
/// <c>QueueCapacity + Σ judge-model concurrency</c> are inside. The rule block and the judge-model blocks hand items to
/// each other, so their queues are unbounded — admission is what bounds them. Completion: after <see cref="Complete"/>,
/// once every admitted item has gone to the sink. A per-item judge failure is a judge-error verdict; a fault of the stage
/// itself (a bug) faults <see cref="Completion"/> and drops the items inside, which are redone on resume.
/// </remarks>
internal sealed partial class JudgingStage
{
    private readonly ActionBlock<WorkResult> _entry;
    private readonly ActionBlock<JudgingItem> _rules;
    private readonly Dictionary<string, ActionBlock<ModelStepCall>> _judgeModels = new(StringComparer.Ordinal);
    private readonly ITargetBlock<SinkEntry> _sink;
    private readonly SemaphoreSlim _admission;
    private readonly CancellationTokenSource _faulted = new();
    private readonly RejudgeSelection? _selection;
    private readonly CancellationToken _abort;
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _inside = 1; // admitted items, plus one released when the entry completes
    private Exception? _fault;

    /// <param name="options">Queue capacity and rule-judge parallelism.</param>
    /// <param name="modelJudges">The model-backed steps of every chain; one block per judge model at its concurrency.</param>
    /// <param name="sink">Where judged (and abandoned) items go; awaited, so a full sink holds the stage back.</param>
    /// <param name="selection">What committed results judged again re-decide (null when there are none).</param>
    /// <param name="abort">Cancels judge calls in flight; their items are dropped.</param>
    public JudgingStage(
        EngineOptions options, IEnumerable<IModelBackedJudge> modelJudges, ITargetBlock<SinkEntry> sink, RejudgeSelection? selection, CancellationToken abort)
    {
        _sink = sink;
        _selection = selection;
        _abort = abort;
        var capacity = options.QueueCapacity;
        foreach (var group in modelJudges.GroupBy(j => j.JudgeModel, StringComparer.Ordinal))
        {
            var concurrency = group.Max(j => j.MaxConcurrency);
            capacity += concurrency;
            _judgeModels[group.Key] = new ActionBlock<ModelStepCall>(
                CallAsync, new ExecutionDataflowBlockOptions { MaxDegreeOfParallelism = concurrency, EnsureOrdered = false });
        }

        _admission = new SemaphoreSlim(capacity, capacity);
        _entry = new ActionBlock<WorkResult>(
            AdmitAsync, new ExecutionDataflowBlockOptions { BoundedCapacity = options.QueueCapacity, MaxDegreeOfParallelism = 1 });
        _rules = new ActionBlock<JudgingItem>(
            AdvanceAsync, new ExecutionDataflowBlockOptions { MaxDegreeOfParallelism = options.JudgeParallelism, EnsureOrdered = false });
        _entry.Completion.ContinueWith(
            t =>
            {
                if (t.IsFaulted)
                {
                    Fault(t.Exception!.GetBaseException());
                }
                else
                {
                    Leave();
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    /// <summary>Where model blocks and the dispatcher send results (bounded).</summary>
    public ITargetBlock<WorkResult> Input => _entry;

    /// <summary>Completes when every admitted item has gone to the sink after <see cref="Complete"/>; faulted by <see cref="Fault"/>.</summary>
    public Task Completion => _completion.Task;

    /// <summary>No more results will be sent.</summary>
    public void Complete() => _entry.Complete();

    /// <summary>Stops the stage: the items inside are dropped and <see cref="Completion"/> faults with <paramref name="error"/>.</summary>
    public void Fault(Exception error)
    {
        if (Interlocked.CompareExchange(ref _fault, error, null) is not null)
        {
            return;
        }

        _faulted.Cancel();
        ((IDataflowBlock)_entry).Fault(error);
        ((IDataflowBlock)_rules).Fault(error);
        foreach (var block in _judgeModels.Values)
        {
            ((IDataflowBlock)block).Fault(error);
        }

        _completion.TrySetException(error);
    }

    private async Task AdmitAsync(WorkResult result)
    {
        if (result.Response is null)
        {
            await _sink.SendAsync(SinkEntry.Abandoned).ConfigureAwait(false);
            return;
        }

        try
        {
            await _admission.WaitAsync(_faulted.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_faulted.IsCancellationRequested)
        {
            return;
        }

        Interlocked.Increment(ref _inside);
        var committed = result.Committed;
        var run = new VerdictChainRun(
            result.Item.Task.Judges, result.Item.Sample, result.Response, committed?.Judgments, committed is null ? null : _selection);
        if (!_rules.Post(new JudgingItem(result, run)))
        {
            Release();
        }
    }

    /// <summary>Sends the item to the sink (or drops it), then lets the next one in.</summary>
    private async Task LeaveAsync(SinkEntry entry)
    {
        try
        {
            await _sink.SendAsync(entry).ConfigureAwait(false);
        }
        finally
        {
            Release();
        }
    }

    private void Release()
    {
        _admission.Release();
        Leave();
    }

    private void Leave()
    {
        if (Interlocked.Decrement(ref _inside) != 0)
        {
            return;
        }

        _rules.Complete();
        foreach (var block in _judgeModels.Values)
        {
            block.Complete();
        }

        Task.WhenAll(_judgeModels.Values.Select(b => b.Completion).Append(_rules.Completion)).ContinueWith(
            t =>
            {
                if (t.IsFaulted)
                {
                    Fault(t.Exception!.GetBaseException());
                }
                else
                {
                    _completion.TrySetResult();
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }
}
