using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using MultiTrust.Cli.Infrastructure;
using MultiTrust.Sources.Official;
using MultiTrust.Stages.Judging.Records;

namespace MultiTrust.Cli.Judging;

public static partial class JudgeInputFiles
{
    /// <summary>
    /// CSV rows through the release's CSV reader (<see cref="AnnotationFiles.ReadCsvAsync"/>): the header names the
    /// fields; an empty cell is an absent field; a list field (<see cref="ListFields"/>) holds a JSON array of strings
    /// (<c>["a","b"]</c>) or, when it does not start with "[", one string. A file the reader cannot split into rows (an
    /// unclosed quote, a row with more fields than the header) stops with an error naming the file and line.
    /// </summary>
    private static async IAsyncEnumerable<JudgeInput> ReadCsvAsync(string path, string displayName, [EnumeratorCancellation] CancellationToken ct)
    {
        var rows = AnnotationFiles.ReadCsvAsync(path, ct).GetAsyncEnumerator(ct);
        await using (rows.ConfigureAwait(false))
        {
            while (true)
            {
                try
                {
                    if (!await rows.MoveNextAsync().ConfigureAwait(false))
                    {
                        yield break;
                    }
                }
                catch (AnnotationException ex)
                {
                    throw new UserError($"{displayName}: not a readable CSV file ({ex.Message}).");
                }

                var (line, row) = rows.Current;
                yield return new JudgeInput($"{displayName}:{line}", FromCsvRow(row));
            }
        }
    }

    private static JudgeRecordParseResult FromCsvRow(IReadOnlyDictionary<string, string> row)
    {
        var json = new JsonObject();
        foreach (var (field, cell) in row)
        {
            if (cell.Length == 0)
            {
                continue;
            }

            if (!ListFields.Contains(field))
            {
                json[field] = cell;
                continue;
            }

            if (!cell.TrimStart().StartsWith('['))
            {
                json[field] = new JsonArray(cell);
                continue;
            }

            try
            {
                json[field] = JsonNode.Parse(cell);
            }
            catch (JsonException ex)
            {
                return JudgeRecordParseResult.Failure(field, $"is not a JSON array of strings ({ex.Message})");
            }
        }

        return Parse(json);
    }
}
