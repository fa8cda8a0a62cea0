using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace MultiTrust.Sources.Official;

/// <summary>
/// Streaming readers for the release's annotation formats, each naming <c>file:line</c> in its errors: JSON arrays
/// (one element at a time), JSON Lines (also the files the reference reads line by line although they are named
/// <c>.json</c>), whole JSON objects (for files whose format is an object keyed by category: held once, as the format
/// needs), CSV as <c>csv.DictReader</c> reads it (header row, RFC 4180 quoting, quoted newlines), and plain text lines.
/// </summary>
public static partial class AnnotationFiles
{
    /// <summary>The elements of a top-level JSON array, streamed.</summary>
    public static async IAsyncEnumerable<JsonElement> ReadJsonArrayAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var stream = Open(path);
        var first = stream.ReadByte();
        while (first is ' ' or '\t' or '\r' or '\n' or 0xEF or 0xBB or 0xBF)
        {
            first = stream.ReadByte();
        }

        if (first != '[')
        {
            throw new AnnotationException(path, 1, "expected a JSON array ('[' ... ']')");
        }

        stream.Position = 0;
        var items = JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(stream, cancellationToken: cancellationToken);
        await using var e = items.GetAsyncEnumerator(cancellationToken);
        var index = 0;
        while (true)
        {
            JsonElement item;
            try
            {
                if (!await e.MoveNextAsync().ConfigureAwait(false))
                {
                    yield break;
                }

                item = e.Current;
            }
            catch (JsonException ex)
            {
                throw new AnnotationException(path, (ex.LineNumber ?? -1) + 1, $"malformed JSON after element {index}: {FirstSentence(ex.Message)}");
            }

            index++;
            yield return item;
        }
    }

    /// <summary>A whole JSON document (an object keyed by category or id); the format needs it read at once.</summary>
    public static async Task<JsonElement> ReadJsonDocumentAsync(string path, CancellationToken cancellationToken = default)
    {
        await using var stream = Open(path);
        try
        {
            using var document = await JsonDocument.ParseAsync(stream, default, cancellationToken).ConfigureAwait(false);
            return document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new AnnotationException(path, (ex.LineNumber ?? -1) + 1, $"malformed JSON: {FirstSentence(ex.Message)}");
        }
    }

    /// <summary>One JSON object per non-blank line, with its 1-based line number.</summary>
    public static async IAsyncEnumerable<(long Line, JsonElement Value)> ReadJsonLinesAsync(
        string path, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var (line, text) in ReadLinesAsync(path, cancellationToken).ConfigureAwait(false))
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            JsonElement value;
            try
            {
                using var document = JsonDocument.Parse(text);
                value = document.RootElement.Clone();
            }
            catch (JsonException ex)
            {
                throw new AnnotationException(path, line, $"malformed JSON line: {FirstSentence(ex.Message)}");
            }

            if (value.ValueKind != JsonValueKind.Object)
            {
                throw new AnnotationException(path, line, $"expected a JSON object, found {value.ValueKind}");
            }

            yield return (line, value);
        }
    }

    /// <summary>Text lines with their 1-based numbers (a UTF-8 BOM is dropped).</summary>
    public static async IAsyncEnumerable<(long Line, string Text)> ReadLinesAsync(
        string path, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var reader = new StreamReader(Open(path), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        long number = 0;
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } text)
        {
            number++;
            yield return (number, text);
        }
    }

    /// <summary>
    /// CSV rows as field maps keyed by the header row (like Python's <c>csv.DictReader</c>): missing trailing fields are
    /// empty, extra fields are an error. The line is where the row starts.
    /// </summary>
    public static async IAsyncEnumerable<(long Line, IReadOnlyDictionary<string, string> Row)> ReadCsvAsync(
        string path, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var reader = new StreamReader(Open(path), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var csv = new CsvRecordReader(reader, path);
        var header = await csv.ReadAsync(cancellationToken).ConfigureAwait(false);
        if (header is null)
        {
            yield break;
        }

        while (await csv.ReadAsync(cancellationToken).ConfigureAwait(false) is { } record)
        {
            if (record.Fields.Count == 1 && record.Fields[0].Length == 0)
            {
                continue; // a blank line
            }

            if (record.Fields.Count > header.Fields.Count)
            {
                throw new AnnotationException(path, record.Line, $"{record.Fields.Count} fields, but the header has {header.Fields.Count}");
            }

            var row = new Dictionary<string, string>(header.Fields.Count, StringComparer.Ordinal);
            for (var i = 0; i < header.Fields.Count; i++)
            {
                row[header.Fields[i]] = i < record.Fields.Count ? record.Fields[i] : string.Empty;
            }

            yield return (record.Line, row);
        }
    }

    private static FileStream Open(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 65536, FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch (FileNotFoundException)
        {
            throw new AnnotationException(path, 0, "not found");
        }
        catch (DirectoryNotFoundException)
        {
            throw new AnnotationException(path, 0, "not found");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new AnnotationException(path, 0, $"cannot be read: {ex.Message}");
        }
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
