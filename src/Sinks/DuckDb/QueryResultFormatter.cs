using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace MultiTrust.Sinks.DuckDb;

/// <summary>Writes a <see cref="QueryResult"/> as CSV, JSON or an aligned plain-text table. Values use invariant culture.</summary>
public sealed class QueryResultFormatter
{
    private const int MaxTableCellWidth = 60;

    private readonly QueryResult _result;

    public QueryResultFormatter(QueryResult result) => _result = result ?? throw new ArgumentNullException(nameof(result));

    /// <summary>
    /// RFC 4180 CSV with a header row and <c>\n</c> line ends. A field with a comma, quote or line break is quoted
    /// (quotes doubled); NULL is an empty field and an empty string is <c>""</c>, so the two stay distinct.
    /// </summary>
    public void WriteCsv(TextWriter writer)
    {
        writer.Write(string.Join(',', _result.Columns.Select(CsvField)));
        writer.Write('\n');
        foreach (var row in _result.Rows)
        {
            for (var i = 0; i < row.Length; i++)
            {
                if (i > 0)
                {
                    writer.Write(',');
                }

                if (row[i] is { } value)
                {
                    var text = QueryValueText.ToText(value);
                    writer.Write(text.Length == 0 ? "\"\"" : CsvField(text));
                }
            }

            writer.Write('\n');
        }
    }

    /// <summary>A JSON array with one object per row (column name → value; NULL → <c>null</c>), one row per line.</summary>
    public void WriteJson(TextWriter writer)
    {
        var options = new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        writer.Write('[');
        for (var r = 0; r < _result.Rows.Count; r++)
        {
            using var buffer = new MemoryStream();
            using (var json = new Utf8JsonWriter(buffer, options))
            {
                json.WriteStartObject();
                var row = _result.Rows[r];
                for (var i = 0; i < _result.Columns.Count; i++)
                {
                    json.WritePropertyName(_result.Columns[i]);
                    QueryValueText.Write(json, row[i]);
                }

                json.WriteEndObject();
            }

            writer.Write(r == 0 ? "\n  " : ",\n  ");
            writer.Write(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        }

        writer.Write(_result.Rows.Count == 0 ? "]\n" : "\n]\n");
    }

    /// <summary>
    /// Columns padded to a common width (numbers right-aligned), a dashed rule under the header and a row count.
    /// NULL prints as <c>NULL</c>; line breaks print as <c>\n</c>; cells longer than 60 characters are cut with <c>…</c>.
    /// </summary>
    public void WriteTable(TextWriter writer)
    {
        var cells = _result.Rows.Select(row => row.Select(TableCell).ToArray()).ToList();
        var widths = _result.Columns.Select((c, i) => Math.Max(c.Length, cells.Count == 0 ? 0 : cells.Max(row => row[i].Length))).ToArray();
        var numeric = _result.Columns.Select((_, i) => _result.Rows.Any(r => r[i] is not null) && _result.Rows.All(r => r[i] is null || IsNumber(r[i]!))).ToArray();

        writer.Write(string.Join("  ", _result.Columns.Select((c, i) => numeric[i] ? c.PadLeft(widths[i]) : c.PadRight(widths[i]))).TrimEnd());
        writer.Write('\n');
        writer.Write(string.Join("  ", widths.Select(w => new string('-', w))));
        writer.Write('\n');
        foreach (var row in cells)
        {
            writer.Write(string.Join("  ", row.Select((cell, i) => numeric[i] ? cell.PadLeft(widths[i]) : cell.PadRight(widths[i]))).TrimEnd());
            writer.Write('\n');
        }

        writer.Write(_result.Rows.Count == 1 ? "(1 row)\n" : $"({_result.Rows.Count} rows)\n");
    }

    private static string CsvField(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;

    private static string TableCell(object? value)
    {
        if (value is null)
        {
            return "NULL";
        }

        var text = QueryValueText.ToText(value).Replace("\r\n", "\\n", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)
            .Replace("\r", "\\n", StringComparison.Ordinal).Replace("\t", " ", StringComparison.Ordinal);
        return text.Length <= MaxTableCellWidth ? text : text[..(MaxTableCellWidth - 1)] + "…";
    }

    private static bool IsNumber(object value) =>
        value is sbyte or byte or short or ushort or int or uint or long or ulong or float or double or decimal or System.Numerics.BigInteger;
}
