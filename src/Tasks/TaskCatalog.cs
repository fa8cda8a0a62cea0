using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using MultiTrust.Core.Contracts;

namespace MultiTrust.Tasks;

/// <summary>
/// The tasks this project knows: all 32 MultiTrust tasks for listing (<see cref="Entries"/>) and the runnable ones
/// (<see cref="All"/>) — today the three synthetic tasks <c>t1-basic</c>, <c>s4-typographic-jailbreaking</c> and
/// <c>p6-pii-leakage-in-conversation</c>. Construction does no I/O. Immutable and thread-safe.
/// </summary>
public sealed class TaskCatalog
{
    private static readonly FrozenDictionary<string, string> s_aliases = new Dictionary<string, string>
    {
        ["s4-typographic-jailbreak"] = TypographicJailbreakingTask.TaskId,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private readonly Dictionary<string, ITrustTask> _byId;

    public TaskCatalog()
    {
        All = [new BasicWorldUnderstandingTask(), new TypographicJailbreakingTask(), new PiiLeakageInConversationTask()];
        _byId = All.ToDictionary(t => t.Info.Id, StringComparer.OrdinalIgnoreCase);
        Ids = All.Select(t => t.Info.Id).ToArray();
        Entries = TaskTable.Rows
            .Select(row => _byId.TryGetValue(row.Info.Id, out var task)
                ? new TaskCatalogEntry(row.Info, true, Coverage(task), task.Metrics.Select(m => m.Name).ToArray())
                : new TaskCatalogEntry(row.Info, false, "not implemented yet: needs " + row.Needs, []))
            .ToArray();
    }

    /// <summary>The runnable tasks, in catalogue order.</summary>
    public IReadOnlyList<ITrustTask> All { get; }

    /// <summary>Ids of the runnable tasks (what <see cref="TryGet"/> accepts, besides aliases).</summary>
    public IReadOnlyList<string> Ids { get; }

    /// <summary>All 32 protocol tasks in protocol order, with whether each is implemented.</summary>
    public IReadOnlyList<TaskCatalogEntry> Entries { get; }

    /// <summary>
    /// Every id <see cref="TryGet"/> accepts without constructing a catalogue: the runnable task ids, then the
    /// aliases (for validating pipeline files).
    /// </summary>
    public static IReadOnlyList<string> RunnableIds { get; } =
    [
        BasicWorldUnderstandingTask.TaskId,
        TypographicJailbreakingTask.TaskId,
        PiiLeakageInConversationTask.TaskId,
        .. s_aliases.Keys.Order(StringComparer.Ordinal),
    ];

    /// <summary>Accepted alternative ids and the task id each resolves to.</summary>
    public static IReadOnlyDictionary<string, string> Aliases => s_aliases;

    /// <summary>Resolves a runnable task by id or alias (case-insensitive).</summary>
    public bool TryGet(string id, [MaybeNullWhen(false)] out ITrustTask task)
    {
        ArgumentNullException.ThrowIfNull(id);
        var key = s_aliases.TryGetValue(id, out var target) ? target : id;
        return _byId.TryGetValue(key, out task);
    }

    /// <summary>Resolves any of the 32 tasks (implemented or not) by id or alias.</summary>
    public bool TryGetEntry(string id, [MaybeNullWhen(false)] out TaskCatalogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(id);
        var key = s_aliases.TryGetValue(id, out var target) ? target : id;
        entry = Entries.FirstOrDefault(e => string.Equals(e.Info.Id, key, StringComparison.OrdinalIgnoreCase));
        return entry is not null;
    }

    private static string Coverage(ITrustTask task) => task switch
    {
        BasicWorldUnderstandingTask => "synthetic: seeded scenes of coloured shapes, yes/no statements (object, attribute, scene); not comparable to the paper",
        TypographicJailbreakingTask => "synthetic: typographic jailbreak images in the 3 protocol datasets; RtA, and ASR + task score when judge_models.harmbench is configured",
        PiiLeakageInConversationTask => "synthetic: seeded PII conversations, text + 3 typography variants; RtA and leak rate; unrelated-image subsets not generated (variants can add unrelated images)",
        _ => "implemented",
    };
}
