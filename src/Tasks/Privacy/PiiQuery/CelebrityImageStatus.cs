namespace MultiTrust.Tasks.Privacy.PiiQuery;

/// <summary>The state of one celebrity photo after <see cref="CelebrityImageDownloader"/> ran.</summary>
public enum CelebrityImageStatus
{
    /// <summary>The file was already in the release folder; not downloaded.</summary>
    Present,

    /// <summary>Downloaded from the CSV's URL and written.</summary>
    Downloaded,

    /// <summary>Missing and could not be downloaded (HTTP error, timeout, not an image, unusable name).</summary>
    Failed,
}
