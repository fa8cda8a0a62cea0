using System.Text;
using System.Text.Json;
using MultiTrust.Sources.Official;

namespace MultiTrust.Tasks.Robustness.Common;

/// <summary>
/// A whole-document annotation file that is a JSON object whose values are lists of records, keyed by category or
/// task (<c>ood-text/label.json</c>, <c>advglue*/label.json</c>). The format needs the document read at once; unlike
/// <see cref="AnnotationFiles.ReadJsonDocumentAsync"/> this keeps the line where each record starts, so a bad record
/// is reported as <c>file:line</c>. A repeated key keeps its last value, as Python's <c>json.load</c> does.
/// </summary>
internal sealed class KeyedAnnotationFile
{
    private readonly Dictionary<string, IReadOnlyList<RobustnessRow>?> _lists;

    private KeyedAnnotationFile(string path, Dictionary<string, IReadOnlyList<RobustnessRow>?> lists)
    {
        Path = path;
        _lists = lists;
    }

    /// <summary>The file's absolute path.</summary>
    public string Path { get; }

    /// <summary>Reads and parses the file; a missing file or malformed JSON throws <see cref="AnnotationException"/>.</summary>
    public static async Task<KeyedAnnotationFile> ReadAsync(string path, CancellationToken cancellationToken)
    {
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new AnnotationException(path, 0, "not found");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new AnnotationException(path, 0, $"cannot be read: {e.Message}");
        }

        return new KeyedAnnotationFile(path, Parse(path, bytes));
    }

    /// <summary>The records under <paramref name="key"/>; throws naming the file when the key is absent or not a list.</summary>
    public IReadOnlyList<RobustnessRow> Records(string key)
    {
        if (!_lists.TryGetValue(key, out var rows))
        {
            throw new AnnotationException(Path, 0, $"missing key '{key}'");
        }

        return rows ?? throw new AnnotationException(Path, 0, $"key '{key}' should hold a list of records");
    }

    private static Dictionary<string, IReadOnlyList<RobustnessRow>?> Parse(string path, byte[] bytes)
    {
        var data = bytes.AsSpan();
        if (data.StartsWith(Encoding.UTF8.Preamble))
        {
            data = data[Encoding.UTF8.Preamble.Length..];
        }

        var lines = new LineCounter(data);
        var reader = new Utf8JsonReader(data);
        var result = new Dictionary<string, IReadOnlyList<RobustnessRow>?>(StringComparer.Ordinal);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new AnnotationException(path, 1, "expected a JSON object keyed by category");
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var key = reader.GetString()!;
                reader.Read();
                if (reader.TokenType != JsonTokenType.StartArray)
                {
                    reader.Skip();
                    result[key] = null;
                    continue;
                }

                var rows = new List<RobustnessRow>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    var line = lines.At(checked((int)reader.TokenStartIndex));
                    var value = JsonElement.ParseValue(ref reader);
                    if (value.ValueKind != JsonValueKind.Object)
                    {
                        throw new AnnotationException(path, line, $"expected a record (JSON object) under '{key}', found {value.ValueKind}");
                    }

                    rows.Add(new RobustnessRow(path, line, value));
                }

                result[key] = rows;
            }

            while (reader.Read())
            {
                // Reads to the end so that trailing garbage is reported as malformed JSON.
            }
        }
        catch (JsonException e)
        {
            throw new AnnotationException(path, (e.LineNumber ?? -1) + 1, $"malformed JSON: {FirstSentence(e.Message)}");
        }

        return result;
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }

    // 1-based line of a byte offset; offsets are asked for in increasing order, so each byte is scanned once.
    private ref struct LineCounter(ReadOnlySpan<byte> data)
    {
        private readonly ReadOnlySpan<byte> _data = data;
        private int _scanned;
        private long _line = 1;

        public long At(int offset)
        {
            _line += _data[_scanned..offset].Count((byte)'\n');
            _scanned = offset;
            return _line;
        }
    }
}
