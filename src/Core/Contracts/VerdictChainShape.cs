namespace MultiTrust.Core.Contracts;

/// <summary>
/// The dependencies of a verdict chain: for each step, the indices of the earlier steps it reads (by id; the nearest
/// earlier step of that id). Inputs naming no earlier step are left out: such an input is never present. Immutable;
/// computed once per chain instance by <see cref="VerdictChainRun"/>.
/// </summary>
internal sealed class VerdictChainShape
{
    public VerdictChainShape(IReadOnlyList<IJudge> chain)
    {
        Inputs = new int[chain.Count][];
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < chain.Count; i++)
        {
            var inputs = chain[i] is IVerdictStep step ? step.Inputs : [];
            Inputs[i] = [.. inputs.Where(seen.ContainsKey).Select(id => seen[id])];
            seen[chain[i].Id] = i;
        }
    }

    public int[][] Inputs { get; }
}
