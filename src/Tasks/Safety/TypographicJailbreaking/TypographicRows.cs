using System.Runtime.CompilerServices;
using MultiTrust.Sources.Official;

namespace MultiTrust.Tasks.Safety.TypographicJailbreaking;

/// <summary>
/// The rows of one typographic set (<c>safety/typographic_jailbreak/&lt;set&gt;.csv</c> with columns <c>id</c>,
/// <c>image_path</c>, <c>question</c> and, for the behavior set, <c>jailbreak_prompt</c>; images under
/// <c>&lt;set&gt;/</c>). Rows whose <c>id</c> is <c>"id"</c> (a repeated header) are skipped, as in the reference. Shared
/// by S.4 and S.5 (whose <c>optimized-jailbreak-graphic</c> reuses the behavior set).
/// </summary>
internal static class TypographicRows
{
    public const string Folder = "safety/typographic_jailbreak";

    /// <summary>One row: the image path relative to the data root, the harmful question and the jailbreak text.</summary>
    public sealed record Row(long Line, string Id, string Image, string Question, string? Jailbreak);

    public static string CsvOf(string set) => $"{Folder}/{set}.csv";

    /// <summary>
    /// Reads a set. With <paramref name="needsJailbreak"/>, a file without a <c>jailbreak_prompt</c> column or a row with
    /// an empty one is malformed (the reference would send the literal text "None").
    /// </summary>
    public static async IAsyncEnumerable<Row> ReadAsync(
        string dataRoot, string set, bool needsJailbreak, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var path = OfficialPaths.Combine(dataRoot, CsvOf(set));
        await foreach (var (line, row) in AnnotationFiles.ReadCsvAsync(path, cancellationToken).ConfigureAwait(false))
        {
            var id = AnnotationRow.Column(row, "id", path);
            if (id == "id")
            {
                continue;
            }

            var image = AnnotationRow.Required(row, "image_path", path, line);
            var question = AnnotationRow.Required(row, "question", path, line);
            var jailbreak = needsJailbreak ? AnnotationRow.Required(row, "jailbreak_prompt", path, line) : null;
            yield return new Row(line, id, $"{Folder}/{set}/{image}", question, jailbreak);
        }
    }
}
