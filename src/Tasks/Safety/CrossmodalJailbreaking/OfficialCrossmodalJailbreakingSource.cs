using System.Runtime.CompilerServices;
using MultiTrust.Core.Contracts;
using MultiTrust.Sources.Official;

namespace MultiTrust.Tasks.Safety.CrossmodalJailbreaking;

/// <summary>
/// S.6 from the release: <c>safety/crossmodal-jailbreak/text_jailbreak.csv</c> (<c>id</c>, <c>question</c>,
/// <c>jailbreak</c> = the text sent as is; rows whose <c>id</c> is <c>"id"</c> are skipped). Subsets, in this order:
/// <c>text</c> (one text-only sample per row), <c>unrelated</c> (per row, three distinct seeded pool images of each
/// kind colour, nature, noise, or all of a kind when the pool holds fewer; metadata <c>unrelated_kind</c>), <c>pos</c>
/// and <c>neg</c> (per row, every file of <c>jailbreak_pos/</c> or <c>jailbreak_neg/</c>, sorted by name). The
/// reference's <c>dataset[:10]</c> truncation is not applied. Target: the harmful question (also the classifier's
/// behaviour); the oracle refuses. Metadata <c>behavior</c>, <c>id</c>.
/// </summary>
public sealed class OfficialCrossmodalJailbreakingSource : OfficialSource
{
    public const string Folder = "safety/crossmodal-jailbreak";

    public const string PromptsFile = Folder + "/text_jailbreak.csv";

    /// <summary>Pool images per kind and row in <c>unrelated</c>.</summary>
    public const int ImagesPerKind = 3;

    public override IReadOnlyList<string> RequiredData =>
        [PromptsFile, Folder + "/jailbreak_pos", Folder + "/jailbreak_neg", UnrelatedImagePool.Folder];

    protected override async IAsyncEnumerable<OfficialItem> ItemsAsync(
        string dataRoot, TaskGenerationContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var rows = await ReadRowsAsync(OfficialPaths.Combine(dataRoot, PromptsFile), cancellationToken).ConfigureAwait(false);
        foreach (var row in rows)
        {
            yield return OfficialItem.Text("text", row.Jailbreak, JailbreakSamples.Target(row.Question), JailbreakSamples.Metadata(row.Question, row.Id));
        }

        var pool = UnrelatedImagePool.Load(dataRoot);
        foreach (var row in rows)
        {
            foreach (var kind in UnrelatedImagePool.Kinds)
            {
                foreach (var image in DrawDistinct(pool, context.Seed, $"{row.Id}/{row.Question}", kind))
                {
                    yield return OfficialItem.WithImage(
                        "unrelated", row.Jailbreak, image, JailbreakSamples.Target(row.Question),
                        JailbreakSamples.Metadata(row.Question, row.Id).Add("unrelated_kind", kind));
                }
            }
        }

        foreach (var subset in new[] { "pos", "neg" })
        {
            var folder = $"{Folder}/jailbreak_{subset}";
            var files = OfficialPaths.SortedFiles(OfficialPaths.Combine(dataRoot, folder));
            foreach (var row in rows)
            {
                foreach (var file in files)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    yield return OfficialItem.WithImage(
                        subset, row.Jailbreak, $"{folder}/{file}", JailbreakSamples.Target(row.Question), JailbreakSamples.Metadata(row.Question, row.Id));
                }
            }
        }
    }

    // The reference draws random.sample(pool, k=3): three different images of the kind (seeded here).
    private static List<string> DrawDistinct(UnrelatedImagePool pool, long seed, string key, string kind)
    {
        if (pool.CountOf(kind) == 0)
        {
            pool.Draw(seed, CrossmodalJailbreaking.TaskId, key, kind); // throws, naming the folder and the kind
        }

        var wanted = Math.Min(ImagesPerKind, pool.CountOf(kind));
        var drawn = new List<string>(wanted);
        for (var k = 0; drawn.Count < wanted; k++)
        {
            var image = pool.Draw(seed, CrossmodalJailbreaking.TaskId, key, kind, k);
            if (!drawn.Contains(image, StringComparer.Ordinal))
            {
                drawn.Add(image);
            }
        }

        return drawn;
    }

    private static async Task<List<(string Id, string Question, string Jailbreak)>> ReadRowsAsync(string path, CancellationToken cancellationToken)
    {
        var rows = new List<(string, string, string)>();
        await foreach (var (line, row) in AnnotationFiles.ReadCsvAsync(path, cancellationToken).ConfigureAwait(false))
        {
            var id = AnnotationRow.Column(row, "id", path);
            if (id != "id")
            {
                rows.Add((id, AnnotationRow.Required(row, "question", path, line), AnnotationRow.Required(row, "jailbreak", path, line)));
            }
        }

        return rows;
    }
}
