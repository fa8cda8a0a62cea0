using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MultiTrust.Stages.Judging.Records;

namespace MultiTrust.Cli.Judging;

/// <summary>
/// Reads the records of a <c>multitrust judge --input</c> file as <see cref="JudgeInput"/>s, whatever its format:
/// JSONL (one object per line), CSV (a header row naming the fields) or Parquet (one column per field). Every format
/// maps to the same fields (<see cref="JudgeRecord"/>: <c>response</c>, <c>target</c>, <c>prompt</c>, <c>secrets</c>,
/// <c>options</c>, <c>accept</c>, ...), so the same judge code reads them. Streaming: one CSV row or one Parquet row
/// group at a time.
/// </summary>
public static partial class JudgeInputFiles
{
    /// <summary>The fields holding a list of strings (a JSON array in JSONL, a LIST column in Parquet).</summary>
    public static IReadOnlyList<string> ListFields { get; } = ["secrets", "options", "accept"];

    /// <summary>The format of <paramref name="path"/> by its extension (<c>.csv</c>, <c>.parquet</c>; anything else is JSONL).</summary>
    public static JudgeInputFormat FormatOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".csv" => JudgeInputFormat.Csv,
        ".parquet" => JudgeInputFormat.Parquet,
        _ => JudgeInputFormat.Jsonl,
    };

    /// <summary>The records of <paramref name="path"/>; locations name <paramref name="displayName"/>.</summary>
    public static IAsyncEnumerable<JudgeInput> ReadAsync(string path, string displayName, JudgeInputFormat format, CancellationToken ct) =>
        format switch
        {
            JudgeInputFormat.Csv => ReadCsvAsync(path, displayName, ct),
            JudgeInputFormat.Parquet => ReadParquetAsync(path, displayName, ct),
            _ => ReadJsonlAsync(path, displayName, ct),
        };

    private static async IAsyncEnumerable<JudgeInput> ReadJsonlAsync(
        string path, string displayName, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        var lineNumber = 0;
        while (await reader.ReadLineAsync(ct).ConfigureAwait(false) is { } line)
        {
            lineNumber++;
            if (!string.IsNullOrWhiteSpace(line))
            {
                yield return new JudgeInput($"{displayName}:{lineNumber}", JudgeRecord.Parse(line));
            }
        }
    }

    /// <summary>Parses a record built as a JSON object (from a CSV row or a Parquet row).</summary>
    private static JudgeRecordParseResult Parse(JsonObject json)
    {
        using var document = JsonDocument.Parse(json.ToJsonString());
        return JudgeRecord.Parse(document.RootElement);
    }
}
