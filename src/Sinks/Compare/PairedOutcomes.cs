namespace MultiTrust.Sinks.Compare;

/// <summary>
/// Pairs scores of two sides as they stream in, in any order, and builds one paired comparison per group. The
/// reference side (run A, or the clean variant) has at most one score per <see cref="PairingKey"/>; each candidate
/// score (run B, or a perturbed variant) carries a label (for example its variant id) and pairs with the reference of
/// the same key, so one clean score pairs with every variant of its sample. Groups are (model, task, judge, label).
/// </summary>
/// <remarks>
/// <para>Memory: one small entry (a double and a flag) per reference key, plus candidates that arrive before their
/// reference (kept until it arrives), plus O(1) per group: proportional to the number of samples, never to the number
/// of groups × samples. Matched pairs are folded into counts at once.</para>
/// <para>While every score of a group is 0 or 1 the group is compared with <see cref="PairedBinaryComparison"/>
/// (Newcombe CI, McNemar); otherwise with <see cref="PairedMeanComparison"/> (paired t).</para>
/// <para>A second reference score for the same key is ignored and counted in <see cref="DuplicateReferences"/>.</para>
/// <para>Not thread-safe: feed it from one consumer.</para>
/// </remarks>
public sealed class PairedOutcomes
{
    private readonly Dictionary<PairingKey, Reference> _references = [];
    private readonly Dictionary<PairingKey, List<(string Label, double Score)>> _waiting = [];
    private readonly Dictionary<(string Model, string Task, string Judge, string Label), PairedAccumulator> _groups = [];

    /// <summary>Reference scores ignored because their key already had one.</summary>
    public long DuplicateReferences { get; private set; }

    /// <summary>Reference keys seen so far.</summary>
    public int ReferenceCount => _references.Count;

    /// <summary>Adds the reference (side A) score of <paramref name="key"/> and pairs it with any waiting candidates.</summary>
    public void AddReference(PairingKey key, double score)
    {
        EnsureFinite(key, score);
        if (_references.ContainsKey(key))
        {
            DuplicateReferences++;
            return;
        }

        var reference = new Reference(score);
        _references.Add(key, reference);
        if (_waiting.Remove(key, out var candidates))
        {
            foreach (var (label, candidate) in candidates)
            {
                Group(key, label).Add(score, candidate);
            }

            reference.Matched = true;
        }
    }

    /// <summary>Adds a candidate (side B) score labelled <paramref name="label"/>; it pairs with the reference of the same key.</summary>
    public void AddCandidate(PairingKey key, string label, double score)
    {
        ArgumentNullException.ThrowIfNull(label);
        EnsureFinite(key, score);
        if (_references.TryGetValue(key, out var reference))
        {
            Group(key, label).Add(reference.Score, score);
            reference.Matched = true;
            return;
        }

        if (!_waiting.TryGetValue(key, out var list))
        {
            list = new List<(string, double)>(1);
            _waiting.Add(key, list);
        }

        list.Add((label, score));
    }

    /// <summary>Reference keys that no candidate matched.</summary>
    public long UnmatchedReferences() => _references.Values.LongCount(r => !r.Matched);

    /// <summary>One comparison per group, sorted by model, task, judge and label (ordinal).</summary>
    public IReadOnlyList<PairedGroup> Build()
    {
        foreach (var (key, candidates) in _waiting)
        {
            foreach (var (label, _) in candidates)
            {
                Group(key, label).UnmatchedCandidates++;
            }
        }

        _waiting.Clear();
        return [.. _groups
            .OrderBy(g => g.Key.Model, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Task, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Judge, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Label, StringComparer.Ordinal)
            .Select(g => new PairedGroup(g.Key.Model, g.Key.Task, g.Key.Judge, g.Key.Label, g.Value.ToComparison(), g.Value.UnmatchedCandidates))];
    }

    private PairedAccumulator Group(PairingKey key, string label)
    {
        var groupKey = (key.ModelId, key.TaskId, key.JudgeId, label);
        if (!_groups.TryGetValue(groupKey, out var group))
        {
            group = new PairedAccumulator();
            _groups.Add(groupKey, group);
        }

        return group;
    }

    private static void EnsureFinite(PairingKey key, double score)
    {
        if (!double.IsFinite(score))
        {
            throw new ArgumentOutOfRangeException(
                nameof(score), score, $"Score of sample '{key.SampleId}' (task '{key.TaskId}', judge '{key.JudgeId}', model '{key.ModelId}') is not finite.");
        }
    }

    private sealed class Reference(double score)
    {
        public double Score { get; } = score;

        public bool Matched { get; set; }
    }
}
