using MultiTrust.Core.Records;

namespace MultiTrust.Sinks.Results;

/// <summary>
/// The highest committed revision of every (sample, variant, model, judge) that was judged again, read from the parts
/// whose commit marker sets <see cref="CommittedPart.MaxRevision"/> (so a run never judged again costs nothing). A row
/// is superseded when a higher revision of its key and judge exists: the latest judgment wins. Immutable once built.
/// </summary>
internal sealed class JudgmentRevisions
{
    private readonly Dictionary<ulong, int> _latest;

    private JudgmentRevisions(Dictionary<ulong, int> latest) => _latest = latest;

    /// <summary>How many (key, judge)s were judged again.</summary>
    public int Count => _latest.Count;

    public bool Supersedes(Judgment judgment) =>
        Supersedes(judgment.SampleId, judgment.VariantId, judgment.ModelId, judgment.JudgeId, judgment.Revision);

    public bool Supersedes(string sampleId, string variantId, string modelId, string judgeId, int revision) =>
        _latest.Count > 0 && _latest.TryGetValue(ResultKeyHash.Of(sampleId, variantId, modelId, judgeId), out var latest) && latest > revision;

    public static async Task<JudgmentRevisions> ReadAsync(string runDir, IReadOnlyList<CommitMarker> commits, CancellationToken cancellationToken)
    {
        var latest = new Dictionary<ulong, int>();
        foreach (var part in commits.SelectMany(m => m.Parts).Where(p => p.Table == TableNames.Judgments && p.MaxRevision > 0))
        {
            await foreach (var rows in PartReader.ReadAsync(RunLayout.FullPath(runDir, part.Path), ReadRevisedAsync, cancellationToken).ConfigureAwait(false))
            {
                foreach (var (key, revision) in rows)
                {
                    if (!latest.TryGetValue(key, out var seen) || revision > seen)
                    {
                        latest[key] = revision;
                    }
                }
            }
        }

        return new JudgmentRevisions(latest);
    }

    private static async Task<(ulong Key, int Revision)[]> ReadRevisedAsync(ColumnSource c)
    {
        var revision = await JudgmentTable.RevisionsAsync(c).ConfigureAwait(false);
        var result = new List<(ulong, int)>();
        if (Array.TrueForAll(revision, r => r == 0))
        {
            return [];
        }

        var sampleId = await c.RequiredStringsAsync("sample_id").ConfigureAwait(false);
        var variantId = await c.RequiredStringsAsync("variant_id").ConfigureAwait(false);
        var modelId = await c.RequiredStringsAsync("model_id").ConfigureAwait(false);
        var judgeId = await c.RequiredStringsAsync("judge_id").ConfigureAwait(false);
        for (var i = 0; i < revision.Length; i++)
        {
            if (revision[i] > 0)
            {
                result.Add((ResultKeyHash.Of(sampleId[i], variantId[i], modelId[i], judgeId[i]), revision[i]));
            }
        }

        return [.. result];
    }
}
