using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using MultiTrust.Core.Contracts;
using MultiTrust.Core.Pipeline;
using MultiTrust.Sources.Datasets;
using MultiTrust.Tasks.Fairness.ProfessionPrediction;
using MultiTrust.Tasks.Fairness.StereotypeAgreement;
using MultiTrust.Tasks.Fairness.StereotypeClassification;
using MultiTrust.Tasks.Fairness.StereotypeGeneration;
using MultiTrust.Tasks.Fairness.StereotypeQuery;
using MultiTrust.Tasks.Fairness.SubjectivePreference;
using MultiTrust.Tasks.Fairness.VisionPreference;
using MultiTrust.Tasks.Model;
using MultiTrust.Tasks.Privacy.InfoFlowExpectation;
using MultiTrust.Tasks.Privacy.PiiLeakageInConversation;
using MultiTrust.Tasks.Privacy.PiiQuery;
using MultiTrust.Tasks.Privacy.PrivacySensitiveVqa;
using MultiTrust.Tasks.Privacy.VisualLeakage;
using MultiTrust.Tasks.Privacy.VisualPrivacyRecognition;
using MultiTrust.Tasks.Robustness.AdversarialTarget;
using MultiTrust.Tasks.Robustness.AdversarialText;
using MultiTrust.Tasks.Robustness.AdversarialUntarget;
using MultiTrust.Tasks.Robustness.OodArtistic;
using MultiTrust.Tasks.Robustness.OodSensor;
using MultiTrust.Tasks.Robustness.OodText;
using MultiTrust.Tasks.Safety.CrossmodalJailbreaking;
using MultiTrust.Tasks.Safety.MultimodalJailbreaking;
using MultiTrust.Tasks.Safety.NsfwImageDescription;
using MultiTrust.Tasks.Safety.RiskIdentification;
using MultiTrust.Tasks.Safety.ToxicContentGeneration;
using MultiTrust.Tasks.Safety.TypographicJailbreaking;
using MultiTrust.Tasks.Truthfulness.AdvancedCognitiveInference;
using MultiTrust.Tasks.Truthfulness.BasicWorldUnderstanding;
using MultiTrust.Tasks.Truthfulness.InstructionEnhancement;
using MultiTrust.Tasks.Truthfulness.TextMisleading;
using MultiTrust.Tasks.Truthfulness.VisualAssistance;
using MultiTrust.Tasks.Truthfulness.VisualConfusion;
using MultiTrust.Tasks.Truthfulness.VisualMisleading;
namespace MultiTrust.Tasks;

/// <summary>
/// The tasks this project knows: all 32 MultiTrust tasks for listing (<see cref="Entries"/>) and their declared
/// definitions (<see cref="Definitions"/>), each runnable on the suites it has a binding for. Adding a task is one folder
/// plus one line in <see cref="s_definitions"/>. Construction does no I/O. Immutable and thread-safe.
/// </summary>
public sealed class TaskCatalog
{
    private static readonly TaskDefinition[] s_definitions =
    [
        // Truthfulness
        BasicWorldUnderstanding.Definition,
        AdvancedCognitiveInference.Definition,
        InstructionEnhancement.Definition,
        VisualAssistance.Definition,
        TextMisleading.Definition,
        VisualConfusion.Definition,
        VisualMisleading.Definition,

        // Safety
        NsfwImageDescription.Definition,
        RiskIdentification.Definition,
        ToxicContentGeneration.Definition,
        TypographicJailbreaking.Definition,
        MultimodalJailbreaking.Definition,
        CrossmodalJailbreaking.Definition,

        // Robustness
        OodArtistic.Definition,
        OodSensor.Definition,
        OodText.Definition,
        AdversarialUntarget.Definition,
        AdversarialTarget.Definition,
        AdversarialText.Definition,

        // Fairness
        StereotypeGeneration.Definition,
        StereotypeAgreement.Definition,
        StereotypeClassification.Definition,
        StereotypeQuery.Definition,
        VisionPreference.Definition,
        ProfessionPrediction.Definition,
        SubjectivePreference.Definition,

        // Privacy
        VisualPrivacyRecognition.Definition,
        PrivacySensitiveVqa.Definition,
        InfoFlowExpectation.Definition,
        PiiQuery.Definition,
        VisualLeakage.Definition,
        PiiLeakageInConversation.Definition,

        // (end of the catalogue)
    ];

    private static readonly FrozenDictionary<string, string> s_aliases = new Dictionary<string, string>
    {
        ["s4-typographic-jailbreak"] = TypographicJailbreaking.TaskId,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, TaskDefinition> s_byId =
        s_definitions.ToFrozenDictionary(d => d.Info.Id, StringComparer.OrdinalIgnoreCase);

    public TaskCatalog()
    {
        Entries = TaskTable.Rows
            .Select(row => s_byId.TryGetValue(row.Info.Id, out var definition)
                ? new TaskCatalogEntry(definition.Info, true, Coverage(definition), Metrics(definition)) { Suites = definition.Suites }
                : new TaskCatalogEntry(row.Info, false, "not implemented yet: needs " + row.Needs, []))
            .ToArray();
    }

    /// <summary>The declared tasks, in protocol order.</summary>
    public static IReadOnlyList<TaskDefinition> Definitions => s_definitions;

    /// <summary>All 32 protocol tasks in protocol order, with whether each is implemented and on which suites.</summary>
    public IReadOnlyList<TaskCatalogEntry> Entries { get; }

    /// <summary>Ids of the declared tasks (what <see cref="TryGet(string, out ITrustTask)"/> accepts, besides aliases).</summary>
    public IReadOnlyList<string> Ids { get; } = [.. s_definitions.Select(d => d.Info.Id)];

    /// <summary>Every id the catalogue resolves: the declared task ids, then the aliases (for validating pipeline files).</summary>
    public static IReadOnlyList<string> RunnableIds { get; } =
        [.. s_definitions.Select(d => d.Info.Id), .. s_aliases.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Accepted alternative ids and the task id each resolves to.</summary>
    public static IReadOnlyDictionary<string, string> Aliases => s_aliases;

    /// <summary>Resolves a declared task by id or alias (case-insensitive).</summary>
    public static bool TryGetDefinition(string id, [MaybeNullWhen(false)] out TaskDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(id);
        return s_byId.TryGetValue(s_aliases.TryGetValue(id, out var target) ? target : id, out definition);
    }

    /// <summary>
    /// The task on <paramref name="suite"/>; false when the id is unknown or the task has no such source. For the
    /// <c>dataset</c> suite without a dataset (a finished run's report) the task scores rows but reads no samples.
    /// </summary>
    public bool TryGet(string id, string suite, [MaybeNullWhen(false)] out ITrustTask task)
    {
        if (suite == DatasetSourceDefinition.Suite)
        {
            return TryGet(id, new RecordedDatasetSource(), out task);
        }

        task = TryGetDefinition(id, out var definition) && definition.For(suite) is not null ? new DeclaredTask(definition, suite) : null;
        return task is not null;
    }

    /// <summary>A finished run's task, as its run card records it: for a lake dataset, scored by the chain it was run with.</summary>
    public bool TryGet(Core.Runs.RunTaskConfig recorded, [MaybeNullWhen(false)] out ITrustTask task)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        var suite = recorded.Suite ?? TaskSuites.Synthetic;
        return suite == DatasetSourceDefinition.Suite
            ? TryGet(recorded.Id, new RecordedDatasetSource(), out task, DatasetSourceDefinition.ChainOf(recorded.Dataset))
            : TryGet(recorded.Id, suite, out task);
    }

    /// <summary>The task a pipeline entry selects on <paramref name="suite"/>: its lake dataset when it names one.</summary>
    public bool TryGet(TaskSelection selection, string suite, [MaybeNullWhen(false)] out ITrustTask task)
    {
        ArgumentNullException.ThrowIfNull(selection);
        return selection.Dataset is { } dataset
            ? TryGet(selection.Id, new DatasetSource(dataset), out task, dataset.Chain)
            : TryGet(selection.Id, suite, out task);
    }

    /// <summary>
    /// The task reading a lake dataset: the verdict chain, metrics and formula of its <paramref name="chain"/> binding
    /// (null: the official one, or the synthetic one when the task has no official binding), with the samples from
    /// <paramref name="source"/>. False when the id is unknown or the task has no such binding.
    /// </summary>
    public static bool TryGet(string id, ISampleSource source, [MaybeNullWhen(false)] out ITrustTask task, string? chain = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        task = TryGetDefinition(id, out var definition) && (chain is null ? definition.Official ?? definition.Synthetic : definition.For(chain)) is { } binding
            ? new DeclaredTask(definition, binding with { Source = source, VariantsAsSubsets = [] })
            : null;
        return task is not null;
    }

    /// <summary>The task on its synthetic source when it has one, else on the official source.</summary>
    public bool TryGet(string id, [MaybeNullWhen(false)] out ITrustTask task)
    {
        task = TryGetDefinition(id, out var definition) ? new DeclaredTask(definition, definition.Suites[^1]) : null;
        return task is not null;
    }

    /// <summary>Resolves any of the 32 tasks (implemented or not) by id or alias.</summary>
    public bool TryGetEntry(string id, [MaybeNullWhen(false)] out TaskCatalogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(id);
        var key = s_aliases.TryGetValue(id, out var target) ? target : id;
        entry = Entries.FirstOrDefault(e => string.Equals(e.Info.Id, key, StringComparison.OrdinalIgnoreCase));
        return entry is not null;
    }

    private static string Coverage(TaskDefinition definition) => string.Join(
        "; ",
        definition.Suites.Select(s => $"{s}: {definition.For(s)!.Coverage}".TrimEnd(' ', ':')));

    private static IReadOnlyList<string> Metrics(TaskDefinition definition) =>
        [.. definition.Suites.SelectMany(s => definition.For(s)!.Metrics.Select(m => m.Name)).Distinct(StringComparer.Ordinal)];
}
