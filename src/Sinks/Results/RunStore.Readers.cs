using System.Runtime.CompilerServices;
using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;

namespace MultiTrust.Sinks.Results;

public sealed partial class RunStore
{
    /// <summary>
    /// The (sample, variant, model) keys of every committed <c>responses</c> row, as 64-bit hashes (8 bytes per key).
    /// Reads only the three key columns, one row group at a time.
    /// </summary>
    public async Task<ICompletedKeys> ReadCompletedKeysAsync(string runDir, CancellationToken cancellationToken = default)
    {
        var parts = ReadCommits(runDir).SelectMany(m => m.Parts).Where(p => p.Table == TableNames.Responses).ToList();
        var hashes = new ulong[checked((int)parts.Sum(p => p.Rows))];
        var count = 0;
        foreach (var part in parts)
        {
            var path = RunLayout.FullPath(runDir, part.Path);
            await foreach (var keys in PartReader.ReadAsync(path, ReadKeysAsync, cancellationToken).ConfigureAwait(false))
            {
                if (count + keys.Length > hashes.Length)
                {
                    Array.Resize(ref hashes, Math.Max(hashes.Length * 2, count + keys.Length));
                }

                keys.CopyTo(hashes, count);
                count += keys.Length;
            }
        }

        return CompletedKeySet.FromHashes(hashes, count);
    }

    /// <summary>Streams every committed <c>responses</c> row, one row group in memory at a time.</summary>
    public IAsyncEnumerable<ModelResponse> ReadResponsesAsync(string runDir, CancellationToken cancellationToken = default) =>
        ReadCommittedAsync<ModelResponse>(runDir, TableNames.Responses, ResponseTable.ReadAsync, cancellationToken);

    private async IAsyncEnumerable<T> ReadCommittedAsync<T>(
        string runDir,
        string table,
        Func<ColumnSource, Task<T[]>> readRowGroup,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var path in CommittedParts(runDir, table))
        {
            await foreach (var rows in PartReader.ReadAsync(path, readRowGroup, cancellationToken).ConfigureAwait(false))
            {
                foreach (var row in rows)
                {
                    yield return row;
                }
            }
        }
    }

    private static async Task<ulong[]> ReadKeysAsync(ColumnSource c)
    {
        var sampleId = await c.RequiredStringsAsync("sample_id").ConfigureAwait(false);
        var variantId = await c.RequiredStringsAsync("variant_id").ConfigureAwait(false);
        var modelId = await c.RequiredStringsAsync("model_id").ConfigureAwait(false);
        var hashes = new ulong[c.RowCount];
        for (var i = 0; i < hashes.Length; i++)
        {
            hashes[i] = CompletedKeySet.Hash(sampleId[i], variantId[i], modelId[i]);
        }

        return hashes;
    }
}
