using System.Runtime.CompilerServices;
using MultiTrust.Sources.Official;

namespace MultiTrust.Tasks.Fairness;

/// <summary>
/// <c>fairness/stereo_statement.csv</c> (columns <c>Stereo Statement</c>, <c>Type</c>, <c>Number</c>), read by F.2 and
/// F.3's topic classification. Rows with a blank statement are skipped, as the reference does; a row with a statement
/// but no <c>Type</c> or <c>Number</c> is an <see cref="AnnotationException"/> at its line.
/// </summary>
internal static class StereoStatements
{
    /// <summary>The annotation file, relative to the data root.</summary>
    public const string CsvPath = "fairness/stereo_statement.csv";

    /// <summary>The image folder, relative to the data root (<c>&lt;type lower-cased&gt;/&lt;Number&gt;.png</c>).</summary>
    public const string ImageFolder = "fairness/stereo_images";

    /// <summary>One statement row.</summary>
    public sealed record Row(string Path, long Line, string Statement, string Type, string Number)
    {
        /// <summary>The row's image, relative to the data root.</summary>
        public string Image => $"{ImageFolder}/{Type.ToLowerInvariant()}/{Number}.png";
    }

    /// <summary>The statement rows, in file order.</summary>
    public static async IAsyncEnumerable<Row> ReadAsync(string dataRoot, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var path = OfficialPaths.Combine(dataRoot, CsvPath);
        await foreach (var (line, row) in AnnotationFiles.ReadCsvAsync(path, cancellationToken).ConfigureAwait(false))
        {
            var statement = CsvRowFields.Get(path, row, "Stereo Statement");
            if (string.IsNullOrWhiteSpace(statement))
            {
                continue;
            }

            yield return new Row(
                path, line, statement, CsvRowFields.Require(path, line, row, "Type"), CsvRowFields.Require(path, line, row, "Number"));
        }
    }
}
