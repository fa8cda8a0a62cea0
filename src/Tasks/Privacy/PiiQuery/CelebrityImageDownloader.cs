using System.Net;
using MultiTrust.Core.Hashing;
using MultiTrust.Core.Storage;
using MultiTrust.Sources.Official;

namespace MultiTrust.Tasks.Privacy.PiiQuery;

/// <summary>
/// Fetches the P.4 celebrity photos into the user's copy of the release, once, outside any run (the reference downloads
/// them while loading the dataset): for each row of <see cref="CelebrityRow.CsvFile"/> whose photo is missing, GET its
/// <c>Url</c>, check that the body is a complete image, and write it atomically (temporary name, then rename) to
/// <see cref="CelebrityRow.ImagePath"/>; then record every present photo's SHA-256 in
/// <see cref="CelebrityImageManifest"/>. A photo already present is never downloaded again; a failure (HTTP status,
/// timeout, network error, a body that is not an image, a name that is not a plain file name) is reported, never thrown.
/// The caller owns <see cref="HttpClient"/>. Not thread-safe per instance.
/// </summary>
public sealed class CelebrityImageDownloader
{
    /// <summary>The largest photo accepted.</summary>
    public const long MaxImageBytes = 32L * 1024 * 1024;

    /// <summary>How many photos are downloaded at once.</summary>
    public const int Parallelism = 4;

    private readonly HttpClient _http;
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _time;

    /// <param name="http">The client used for every request (its own timeout should be infinite; <paramref name="timeout"/> applies).</param>
    /// <param name="timeout">Per-photo limit for the whole request, body included.</param>
    /// <param name="time">Clock for the timeout (default: the system's).</param>
    public CelebrityImageDownloader(HttpClient http, TimeSpan timeout, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        _http = http;
        _timeout = timeout;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Downloads the missing photos under <paramref name="dataRoot"/> and writes the manifest; one outcome per distinct photo, in CSV order.</summary>
    /// <exception cref="AnnotationException">The CSV is missing or malformed.</exception>
    public async Task<IReadOnlyList<CelebrityImageOutcome>> PrepareAsync(string dataRoot, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(dataRoot);
        var rows = new List<CelebrityRow>();
        var files = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var row in CelebrityRow.ReadAsync(OfficialPaths.Combine(dataRoot, CelebrityRow.CsvFile), cancellationToken).ConfigureAwait(false))
        {
            if (files.Add(row.ImageFile))
            {
                rows.Add(row);
            }
        }

        var outcomes = new CelebrityImageOutcome[rows.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, rows.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (i, token) => outcomes[i] = await PrepareOneAsync(dataRoot, rows[i], token).ConfigureAwait(false)).ConfigureAwait(false);

        await CelebrityImageManifest.WriteAsync(OfficialPaths.Combine(dataRoot, CelebrityImageManifest.File), outcomes, cancellationToken).ConfigureAwait(false);
        return outcomes;
    }

    private async Task<CelebrityImageOutcome> PrepareOneAsync(string dataRoot, CelebrityRow row, CancellationToken cancellationToken)
    {
        CelebrityImageOutcome Failed(string reason) => new(row.Name, row.Url, row.ImagePath, CelebrityImageStatus.Failed, null, 0, reason);

        if (row.ImageFile.IndexOfAny(['/', '\\']) >= 0 || row.ImageFile.StartsWith('.'))
        {
            return Failed($"'{row.ImageFile}' is not a plain file name");
        }

        var path = OfficialPaths.Combine(dataRoot, row.ImagePath);
        if (File.Exists(path))
        {
            var existing = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
            return new(row.Name, row.Url, row.ImagePath, CelebrityImageStatus.Present, ContentHasher.Sha256Hex(existing), existing.Length, null);
        }

        if (!Uri.TryCreate(row.Url.Trim(), UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            return Failed(string.IsNullOrWhiteSpace(row.Url) ? "no Url" : "Url is not an http(s) address");
        }

        byte[] bytes;
        using (var timeout = new CancellationTokenSource(_timeout, _time))
        using (var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token))
        {
            try
            {
                bytes = await DownloadAsync(url, linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                return Failed($"timed out after {_timeout.TotalSeconds:0.#} s");
            }
            catch (DownloadException e)
            {
                return Failed(e.Message);
            }
            catch (HttpRequestException e)
            {
                return Failed(e.Message);
            }
        }

        if (!ImageHeader.TryRead(bytes, out _, out _, out _, out var problem))
        {
            return Failed($"not an image: {problem}");
        }

        await AtomicFile.WriteAsync(path, bytes, overwrite: false, cancellationToken).ConfigureAwait(false);
        return new(row.Name, row.Url, row.ImagePath, CelebrityImageStatus.Downloaded, ContentHasher.Sha256Hex(bytes), bytes.Length, null);
    }

    private async Task<byte[]> DownloadAsync(Uri url, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new DownloadException($"HTTP {(int)response.StatusCode} {Describe(response.StatusCode)}");
        }

        if (response.Content.Headers.ContentLength > MaxImageBytes)
        {
            throw new DownloadException($"{response.Content.Headers.ContentLength} bytes, more than the {MaxImageBytes} accepted");
        }

        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxImageBytes)
            {
                throw new DownloadException($"more than the {MaxImageBytes} bytes accepted");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static string Describe(HttpStatusCode status) => Enum.IsDefined(status) ? status.ToString() : string.Empty;

    private sealed class DownloadException(string message) : Exception(message);
}
