using MultiTrust.Core.Contracts;

namespace MultiTrust.Tasks.Model;

/// <summary>
/// One MultiTrust task declared as data: its facts, the protocol's generation settings and one binding per suite it
/// can run on. Lives in the task's own folder; the catalogue lists it on one line. Immutable.
/// </summary>
/// <param name="Info">Facts from the protocol table.</param>
/// <param name="Generation">The protocol's generation settings (max new tokens of the task YAML).</param>
public sealed record TaskDefinition(TaskInfo Info, TaskGenerationSettings Generation)
{
    /// <summary>The official release binding, or null when the task cannot read the release.</summary>
    public SuiteBinding? Official { get; init; }

    /// <summary>The synthetic binding, or null when the task has no generator.</summary>
    public SuiteBinding? Synthetic { get; init; }

    /// <summary>The binding for a suite, or null.</summary>
    public SuiteBinding? For(string suite) => suite switch
    {
        TaskSuites.Official => Official,
        TaskSuites.Synthetic => Synthetic,
        _ => null,
    };

    /// <summary>The suites this task can run on, official first.</summary>
    public IReadOnlyList<string> Suites =>
        [.. new[] { (TaskSuites.Official, Official), (TaskSuites.Synthetic, Synthetic) }.Where(p => p.Item2 is not null).Select(p => p.Item1)];
}
