using System.Text.Json;
using MultiTrust.Core.Storage;

namespace MultiTrust.Tasks.Privacy.PiiQuery;

/// <summary>
/// <c>privacy/celeb/imgs/manifest.json</c>: the SHA-256 and size of every P.4 photo present after
/// <c>multitrust data prepare</c>, in CSV order, so that a later run (or another machine) can tell whether it scores the
/// same photos. Shape: <c>{"csv": "privacy/celeb/celebrities.csv", "images": [{"celebrity", "file", "url", "sha256",
/// "bytes"}]}</c>, <c>file</c> relative to the data root. Written atomically.
/// </summary>
public static class CelebrityImageManifest
{
    /// <summary>The manifest's path relative to the data root.</summary>
    public const string File = CelebrityRow.ImageFolder + "/manifest.json";

    private static readonly JsonSerializerOptions s_options = new() { WriteIndented = true };

    /// <summary>Writes the manifest of the photos that are present (failed ones are left out).</summary>
    public static Task WriteAsync(string path, IEnumerable<CelebrityImageOutcome> outcomes, CancellationToken cancellationToken)
    {
        var document = new
        {
            csv = CelebrityRow.CsvFile,
            images = outcomes
                .Where(o => o.Status != CelebrityImageStatus.Failed)
                .Select(o => new { celebrity = o.Name, file = o.File, url = o.Url, sha256 = o.Sha256, bytes = o.Bytes })
                .ToList(),
        };
        return AtomicFile.WriteAsync(path, JsonSerializer.SerializeToUtf8Bytes(document, s_options), overwrite: true, cancellationToken);
    }
}
