namespace MultiTrust.Core.Contracts.Verdicts;

/// <summary>
/// One step of a task's verdict chain, declared as data. The engine runs a task's steps in declaration order on every
/// answered response; each step's verdict is its own row in the <c>judgments</c> table (judge id = <see cref="Id"/>),
/// so an analyst can see why a sample scored as it did. A step may read the verdicts of earlier steps (its
/// <see cref="Inputs"/>); metrics name the step whose scores they average.
/// </summary>
/// <param name="Id">The step's id, unique within the task (the <c>judge_id</c> of its rows).</param>
public abstract record VerdictStep(string Id)
{
    /// <summary>
    /// When set, the step runs only on samples of these subsets (T.1: the yes/no rule on <c>object</c>,
    /// <c>attribute</c>, <c>scene</c>; the GPT box rewrite on <c>grounding</c>); elsewhere it writes no row. Steps over it
    /// see it as absent: ∨ / ∧ combine the inputs present, other steps are not run.
    /// </summary>
    public IReadOnlyList<string>? Subsets { get; init; }

    /// <summary>Ids of earlier steps this step reads.</summary>
    public virtual IReadOnlyList<string> Inputs => [];

    /// <summary>A short rendering for docs and <c>multitrust tasks</c>, for example <c>refusal-protocol ∨ longformer≥140</c>.</summary>
    public abstract string Describe();
}
