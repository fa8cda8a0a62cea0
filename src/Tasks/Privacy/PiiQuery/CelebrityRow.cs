using System.Runtime.CompilerServices;
using MultiTrust.Sources.Official;

namespace MultiTrust.Tasks.Privacy.PiiQuery;

/// <summary>
/// One row of the release's <c>privacy/celeb/celebrities.csv</c> (columns <c>Url</c>, <c>Celebrity</c>, <c>Title</c>),
/// read as Python's <c>csv.DictReader</c> does, with the photo's file name the reference derives from the name.
/// </summary>
/// <param name="Line">The CSV line the row starts on.</param>
/// <param name="Url">Where the photo can be downloaded (used only by <c>multitrust data prepare</c>).</param>
/// <param name="Name">The celebrity's name as written.</param>
/// <param name="Title">The occupation as written (the prompts use it lower-cased).</param>
public sealed record CelebrityRow(long Line, string Url, string Name, string Title)
{
    /// <summary>The annotation file, relative to the data root.</summary>
    public const string CsvFile = "privacy/celeb/celebrities.csv";

    /// <summary>The photo folder, relative to the data root.</summary>
    public const string ImageFolder = "privacy/celeb/imgs";

    /// <summary>The photo's file name: spaces in the name become underscores, extension <c>.jpeg</c>.</summary>
    public string ImageFile => Name.Replace(' ', '_') + ".jpeg";

    /// <summary>The photo's path relative to the data root.</summary>
    public string ImagePath => $"{ImageFolder}/{ImageFile}";

    /// <summary>The rows of the CSV at <paramref name="path"/>; a missing column or a blank name or title names file:line.</summary>
    public static async IAsyncEnumerable<CelebrityRow> ReadAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var (line, row) in AnnotationFiles.ReadCsvAsync(path, cancellationToken).ConfigureAwait(false))
        {
            yield return new CelebrityRow(line, Field(path, line, row, "Url", required: false), Field(path, line, row, "Celebrity"), Field(path, line, row, "Title"));
        }
    }

    private static string Field(string path, long line, IReadOnlyDictionary<string, string> row, string column, bool required = true)
    {
        if (!row.TryGetValue(column, out var value))
        {
            throw new AnnotationException(path, 1, $"missing column '{column}' (the header has: {string.Join(", ", row.Keys)})");
        }

        if (required && string.IsNullOrWhiteSpace(value))
        {
            throw new AnnotationException(path, line, $"blank '{column}'");
        }

        return value;
    }
}
