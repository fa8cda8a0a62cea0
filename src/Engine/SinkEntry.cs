using MultiTrust.Core.Records;

namespace MultiTrust.Engine;

/// <summary>
/// What the single sink writer receives: an evaluated item, an abandoned one (<see cref="Item"/> null: counted, not
/// written) or a timer tick (<see cref="IsTick"/>: commit when the commit interval has passed, even if no item arrives).
/// </summary>
internal readonly record struct SinkEntry(EvaluatedItem? Item, bool IsTick)
{
    public static SinkEntry Abandoned => default;

    public static SinkEntry Tick => new(null, IsTick: true);

    public static SinkEntry Of(EvaluatedItem item) => new(item, IsTick: false);
}
