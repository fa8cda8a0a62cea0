using System.Collections;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using MultiTrust.Cli.Infrastructure;
using MultiTrust.Stages.Judging.Records;
using Parquet;
using Parquet.Serialization;

namespace MultiTrust.Cli.Judging;

public static partial class JudgeInputFiles
{
    /// <summary>
    /// Parquet rows, one row group at a time: a string column is a string field, a LIST column of strings a list field,
    /// a number or boolean column the JSON number or boolean (the record then names a field that must be a string); a
    /// null is an absent field. A file that is not Parquet stops with an error naming it.
    /// </summary>
    private static async IAsyncEnumerable<JudgeInput> ReadParquetAsync(string path, string displayName, [EnumeratorCancellation] CancellationToken ct)
    {
        int groups;
        try
        {
            var reader = await ParquetReader.CreateAsync(path, null, ct).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                groups = reader.RowGroupCount;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new UserError($"{displayName}: not a readable Parquet file ({ex.Message}).");
        }

        long row = 0;
        for (var group = 0; group < groups; group++)
        {
            var rows = await ReadRowGroupAsync(path, displayName, group, ct).ConfigureAwait(false);
            foreach (var values in rows)
            {
                row++;
                yield return new JudgeInput($"{displayName}: row {row}", Parse(FromParquetRow(values)));
            }
        }
    }

    private static async Task<IList<Dictionary<string, object>>> ReadRowGroupAsync(string path, string displayName, int group, CancellationToken ct)
    {
        try
        {
            var stream = File.OpenRead(path);
            await using (stream.ConfigureAwait(false))
            {
                return (await ParquetSerializer.DeserializeUntypedAsync(stream, null, group, ct).ConfigureAwait(false)).Data;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not UserError)
        {
            throw new UserError($"{displayName}, row group {group}: cannot be read as judge records ({ex.Message}).");
        }
    }

    private static JsonObject FromParquetRow(Dictionary<string, object> values)
    {
        var json = new JsonObject();
        foreach (var (field, value) in values)
        {
            if (ToNode(value) is { } node)
            {
                json[field] = node;
            }
        }

        return json;
    }

    private static JsonNode? ToNode(object? value) => value switch
    {
        null => null,
        string text => JsonValue.Create(text),
        bool flag => JsonValue.Create(flag),
        DateTime time => JsonValue.Create(time.ToString("O", CultureInfo.InvariantCulture)),
        DateTimeOffset time => JsonValue.Create(time.ToString("O", CultureInfo.InvariantCulture)),
        IEnumerable items and not IDictionary => new JsonArray([.. items.Cast<object?>().Select(ToNode)]),
        IConvertible number => JsonValue.Create(Convert.ToDouble(number, CultureInfo.InvariantCulture)),
        _ => JsonValue.Create(value.ToString()),
    };
}
