using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;

namespace MultiTrust.Engine.Tests.Fakes;

/// <summary>Keeps written and committed items; can fail on the Nth write to simulate a full disk.</summary>
internal sealed class RecordingSink : IResultSink
{
    private readonly List<EvaluatedItem> _pending = [];
    private int _concurrentCalls;

    public List<EvaluatedItem> Committed { get; } = [];

    public int Commits { get; private set; }

    public int FailOnWrite { get; init; } = -1;

    public bool SawConcurrentCalls { get; private set; }

    private int _writes;
    private int _committedCount;

    /// <summary>Items written so far (committed or not); safe to read from any thread.</summary>
    public int Written => Volatile.Read(ref _writes);

    /// <summary>Items committed so far; safe to read from any thread.</summary>
    public int CommittedCount => Volatile.Read(ref _committedCount);

    public async ValueTask WriteAsync(EvaluatedItem item, CancellationToken cancellationToken)
    {
        Enter();
        try
        {
            if (Interlocked.Increment(ref _writes) == FailOnWrite)
            {
                throw new IOException("No space left on device");
            }

            await Task.Yield();
            _pending.Add(item);
        }
        finally
        {
            Interlocked.Decrement(ref _concurrentCalls);
        }
    }

    public ValueTask CommitAsync(CancellationToken cancellationToken)
    {
        Enter();
        Committed.AddRange(_pending);
        Interlocked.Add(ref _committedCount, _pending.Count);
        _pending.Clear();
        Commits++;
        Interlocked.Decrement(ref _concurrentCalls);
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private void Enter()
    {
        if (Interlocked.Increment(ref _concurrentCalls) > 1)
        {
            SawConcurrentCalls = true;
        }
    }
}
