using System.Threading.Tasks.Dataflow;
using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;

namespace MultiTrust.Engine.Blocks;

/// <summary>
/// A target block over an <see cref="IResultSink"/>: one writer, a commit every N items, a last commit when the input
/// completes; <see cref="Completion"/> completes only after that commit (or faults with the sink's error).
/// </summary>
internal sealed class CommittingSinkBlock : ITargetBlock<EvaluatedItem>
{
    private readonly ActionBlock<EvaluatedItem> _writer;
    private readonly IResultSink _sink;
    private readonly StageBlockOptions _options;
    private int _uncommitted;

    public CommittingSinkBlock(IResultSink sink, StageBlockOptions options)
    {
        _sink = sink;
        _options = options;
        _writer = new ActionBlock<EvaluatedItem>(WriteAsync, new ExecutionDataflowBlockOptions
        {
            BoundedCapacity = options.BoundedCapacity,
            MaxDegreeOfParallelism = 1,
            CancellationToken = options.CancellationToken,
        });
        Completion = FinishAsync();
    }

    public Task Completion { get; }

    public DataflowMessageStatus OfferMessage(DataflowMessageHeader messageHeader, EvaluatedItem messageValue, ISourceBlock<EvaluatedItem>? source, bool consumeToAccept) =>
        ((ITargetBlock<EvaluatedItem>)_writer).OfferMessage(messageHeader, messageValue, source, consumeToAccept);

    public void Complete() => _writer.Complete();

    public void Fault(Exception exception) => ((IDataflowBlock)_writer).Fault(exception);

    private async Task WriteAsync(EvaluatedItem item)
    {
        await _sink.WriteAsync(item, _options.CancellationToken).ConfigureAwait(false);
        if (++_uncommitted >= _options.CommitEveryItems)
        {
            await _sink.CommitAsync(_options.CancellationToken).ConfigureAwait(false);
            _uncommitted = 0;
        }
    }

    private async Task FinishAsync()
    {
        await _writer.Completion.ConfigureAwait(false);
        if (_uncommitted > 0)
        {
            await _sink.CommitAsync(_options.CancellationToken).ConfigureAwait(false);
        }
    }
}
