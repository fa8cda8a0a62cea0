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
    /// <summary>Ids of earlier steps this step reads.</summary>
    public virtual IReadOnlyList<string> Inputs => [];

    /// <summary>A short rendering for docs and <c>multitrust tasks</c>, for example <c>refusal-protocol ∨ longformer≥140</c>.</summary>
    public abstract string Describe();
}
