using System.Runtime.CompilerServices;
using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;

namespace MultiTrust.Sinks.Results;

public sealed partial class RunStore
{
    /// <summary>
    /// Streams the latest committed judgment of every (sample, variant, model, judge), one row group in memory at a time:
    /// a row is left out when a row of the same key and judge with a higher <see cref="Judgment.Revision"/> is committed
    /// (the response was judged again). What metrics, reports and comparisons read; see
    /// <see cref="ReadJudgmentHistoryAsync"/> for every row.
    /// </summary>
    public async IAsyncEnumerable<Judgment> ReadJudgmentsAsync(string runDir, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var revisions = await JudgmentRevisions.ReadAsync(runDir, ReadCommits(runDir), cancellationToken).ConfigureAwait(false);
        await foreach (var judgment in ReadJudgmentHistoryAsync(runDir, cancellationToken).ConfigureAwait(false))
        {
            if (!revisions.Supersedes(judgment))
            {
                yield return judgment;
            }
        }
    }

    /// <summary>Streams every committed <c>judgments</c> row, superseded revisions included, in commit order.</summary>
    public IAsyncEnumerable<Judgment> ReadJudgmentHistoryAsync(string runDir, CancellationToken cancellationToken = default) =>
        ReadCommittedAsync<Judgment>(runDir, TableNames.Judgments, JudgmentTable.ReadAsync, cancellationToken);

    /// <summary>
    /// The committed results that have a latest judgment <paramref name="selection"/> picks (for a resumed run, every
    /// <c>judge_error</c>), each with its committed response and the latest judgment of every step, to be judged again
    /// without calling the model. Reads the judgments' key and status columns once; only when something is selected,
    /// the selected results' rows. Memory is proportional to the selected results.
    /// </summary>
    public async Task<ICommittedResults> ReadCommittedResultsAsync(
        string runDir, RejudgeSelection selection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(selection);
        var revisions = await JudgmentRevisions.ReadAsync(runDir, ReadCommits(runDir), cancellationToken).ConfigureAwait(false);
        var selected = new HashSet<ulong>();
        foreach (var path in CommittedParts(runDir, TableNames.Judgments))
        {
            await foreach (var keys in PartReader.ReadAsync(path, c => SelectedKeysAsync(c, revisions, selection), cancellationToken).ConfigureAwait(false))
            {
                selected.UnionWith(keys);
            }
        }

        var judgments = new Dictionary<ulong, Dictionary<string, Judgment>>();
        var responses = new Dictionary<ulong, ModelResponse>();
        if (selected.Count > 0)
        {
            await foreach (var judgment in ReadJudgmentHistoryAsync(runDir, cancellationToken).ConfigureAwait(false))
            {
                var key = ResultKeyHash.Of(judgment.SampleId, judgment.VariantId, judgment.ModelId);
                if (selected.Contains(key) && !revisions.Supersedes(judgment))
                {
                    (judgments.TryGetValue(key, out var steps) ? steps : judgments[key] = new(StringComparer.Ordinal))[judgment.JudgeId] = judgment;
                }
            }

            await foreach (var response in ReadResponsesAsync(runDir, cancellationToken).ConfigureAwait(false))
            {
                var key = ResultKeyHash.Of(response.SampleId, response.VariantId, response.ModelId);
                if (selected.Contains(key))
                {
                    responses[key] = response;
                }
            }
        }

        var results = new Dictionary<ulong, CommittedResult>(responses.Count);
        foreach (var (key, response) in responses)
        {
            results[key] = new CommittedResult(response, judgments.TryGetValue(key, out var steps) ? steps : []);
        }

        return new CommittedResultSet(selection, results);
    }

    private static async Task<ulong[]> SelectedKeysAsync(ColumnSource c, JudgmentRevisions revisions, RejudgeSelection selection)
    {
        var judgeId = await c.RequiredStringsAsync("judge_id").ConfigureAwait(false);
        var status = await c.RequiredStringsAsync("status").ConfigureAwait(false);
        var candidates = new List<int>();
        for (var i = 0; i < judgeId.Length; i++)
        {
            if (selection.Selects(judgeId[i], JudgmentStatusNames.Parse(status[i])))
            {
                candidates.Add(i);
            }
        }

        if (candidates.Count == 0)
        {
            return [];
        }

        var sampleId = await c.RequiredStringsAsync("sample_id").ConfigureAwait(false);
        var variantId = await c.RequiredStringsAsync("variant_id").ConfigureAwait(false);
        var modelId = await c.RequiredStringsAsync("model_id").ConfigureAwait(false);
        var revision = await JudgmentTable.RevisionsAsync(c).ConfigureAwait(false);
        var keys = new List<ulong>(candidates.Count);
        foreach (var i in candidates)
        {
            if (!revisions.Supersedes(sampleId[i], variantId[i], modelId[i], judgeId[i], revision[i]))
            {
                keys.Add(ResultKeyHash.Of(sampleId[i], variantId[i], modelId[i]));
            }
        }

        return [.. keys];
    }
}
