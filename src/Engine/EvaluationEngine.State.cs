using System.Runtime.ExceptionServices;
using System.Threading.Tasks.Dataflow;

namespace MultiTrust.Engine;

public sealed partial class EvaluationEngine
{
    /// <summary>
    /// The blocks of one run, the first systemic failure, and the sink-side counters (touched only by the single sink
    /// writer).
    /// </summary>
    private sealed class Graph(CancellationTokenSource halt)
    {
        private ExceptionDispatchInfo? _failure;

        public TransformBlock<VariantJob, PreparedJob> Prepare { get; set; } = null!;

        public ActionBlock<PreparedJob> Dispatch { get; set; } = null!;

        public JudgingStage Judging { get; set; } = null!;

        public Dictionary<string, TransformBlock<WorkItem, WorkResult>> ModelBlocks { get; } = new(StringComparer.Ordinal);

        public ActionBlock<SinkEntry> Sink { get; set; } = null!;

        public ITimer? CommitTimer { get; set; }

        /// <summary>True once a stop was requested or a systemic failure happened: queued work is dropped, nothing new is sent.</summary>
        public bool Halted => halt.IsCancellationRequested;

        public CancellationToken HaltToken => halt.Token;

        public long Written { get; set; }

        public long Rejudged { get; set; }

        public long Pending { get; set; }

        public long Abandoned { get; set; }

        /// <summary>Records the first systemic failure and halts the run; later failures are consequences and dropped.</summary>
        public void Fail(Exception error)
        {
            Interlocked.CompareExchange(ref _failure, ExceptionDispatchInfo.Capture(error), null);
            try
            {
                halt.Cancel();
            }
            catch (ObjectDisposedException)
            {
            }
        }

        /// <summary>Rethrows the first systemic failure, if any.</summary>
        public void ThrowIfFailed() => Volatile.Read(ref _failure)?.Throw();
    }
}
