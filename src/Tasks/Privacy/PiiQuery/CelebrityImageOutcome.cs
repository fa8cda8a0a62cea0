namespace MultiTrust.Tasks.Privacy.PiiQuery;

/// <summary>What <see cref="CelebrityImageDownloader"/> did for one photo.</summary>
/// <param name="Name">The celebrity (the CSV's <c>Celebrity</c>).</param>
/// <param name="Url">The CSV's <c>Url</c>.</param>
/// <param name="File">The photo's path relative to the data root.</param>
/// <param name="Status">Present (already there), downloaded, or failed.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the file, null when it failed.</param>
/// <param name="Bytes">File size, 0 when it failed.</param>
/// <param name="Reason">Why it failed, null otherwise.</param>
public sealed record CelebrityImageOutcome(
    string Name,
    string Url,
    string File,
    CelebrityImageStatus Status,
    string? Sha256,
    long Bytes,
    string? Reason);
