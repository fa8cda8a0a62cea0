using System.Buffers;
using System.Collections.Immutable;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace MultiTrust.Sinks.Results;

/// <summary>
/// Compact JSON text for the string columns that hold arrays and objects. Reuses one buffer and writer, so one instance
/// serves one column build at a time (not thread-safe).
/// </summary>
internal sealed class JsonText : IDisposable
{
    // Relaxed escaping keeps non-ASCII text readable in SQL results; the output is still valid JSON.
    private static readonly JsonWriterOptions s_options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly ArrayBufferWriter<byte> _buffer = new(256);
    private readonly Utf8JsonWriter _writer;

    public JsonText() => _writer = new Utf8JsonWriter(_buffer, s_options);

    public string Array(IEnumerable<string> values)
    {
        Begin();
        _writer.WriteStartArray();
        foreach (var value in values)
        {
            _writer.WriteStringValue(value);
        }

        _writer.WriteEndArray();
        return End();
    }

    public string Array(ImmutableArray<string> values) => values.IsDefaultOrEmpty ? "[]" : Array((IEnumerable<string>)values);

    /// <summary>A JSON object with the keys in ordinal order, so equal dictionaries give equal text.</summary>
    public string Object(IReadOnlyDictionary<string, string> values)
    {
        if (values.Count == 0)
        {
            return "{}";
        }

        var keys = new string[values.Count];
        var i = 0;
        foreach (var key in values.Keys)
        {
            keys[i++] = key;
        }

        System.Array.Sort(keys, StringComparer.Ordinal);
        Begin();
        _writer.WriteStartObject();
        foreach (var key in keys)
        {
            _writer.WriteString(key, values[key]);
        }

        _writer.WriteEndObject();
        return End();
    }

    public void Dispose() => _writer.Dispose();

    private void Begin()
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
    }

    private string End()
    {
        _writer.Flush();
        return Encoding.UTF8.GetString(_buffer.WrittenSpan);
    }
}
