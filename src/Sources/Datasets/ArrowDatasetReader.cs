using System.Globalization;
using System.Runtime.CompilerServices;
using Apache.Arrow;
using Apache.Arrow.Ipc;
using MultiTrust.Core.Pipeline;
using MultiTrust.Sources.Official;

namespace MultiTrust.Sources.Datasets;

/// <summary>
/// Reads an Arrow IPC dataset, file (<c>ARROW1</c> magic) or stream format, one record batch at a time (memory: one
/// batch). Text, numeric and boolean columns give text; an image column holds a path or a list of paths per row; an
/// image-bytes column is binary.
/// </summary>
internal static class ArrowDatasetReader
{
    private static readonly byte[] s_fileMagic = "ARROW1"u8.ToArray();

    public static async IAsyncEnumerable<DatasetRecord> ReadAsync(
        string path, DatasetColumns columns, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var stream = DatasetFiles.Open(path);
        await using var _ = stream.ConfigureAwait(false);
        var magic = new byte[s_fileMagic.Length];
        var read = await stream.ReadAtLeastAsync(magic, magic.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        stream.Position = 0;
        using ArrowStreamReader reader = read == magic.Length && magic.AsSpan().SequenceEqual(s_fileMagic)
            ? new ArrowFileReader(stream, leaveOpen: true)
            : new ArrowStreamReader(stream, leaveOpen: true);
        ResolvedColumns? resolved = null;
        long row = 0;
        while (true)
        {
            RecordBatch? batch;
            try
            {
                batch = await reader.ReadNextRecordBatchAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException and not AnnotationException)
            {
                throw new AnnotationException(path, row + 1, $"not a readable Arrow IPC file or stream: {e.Message}");
            }

            if (batch is null)
            {
                yield break;
            }

            using (batch)
            {
                resolved ??= ResolvedColumns.Resolve(path, columns, [.. batch.Schema.FieldsList.Select(f => f.Name)]);
                var prompt = batch.Column(resolved.Prompt);
                var image = resolved.Image is null ? null : batch.Column(resolved.Image);
                var bytes = resolved.ImageBytes is null ? null : batch.Column(resolved.ImageBytes);
                var target = resolved.Target is null ? null : batch.Column(resolved.Target);
                var reference = resolved.Reference is null ? null : batch.Column(resolved.Reference);
                var subset = resolved.Subset is null ? null : batch.Column(resolved.Subset);
                for (var i = 0; i < batch.Length; i++)
                {
                    row++;
                    var text = Text(path, row, resolved.Prompt, prompt, i)
                        ?? throw new AnnotationException(path, row, $"no prompt: column '{resolved.Prompt}' is null");
                    yield return new DatasetRecord(
                        row, text, Paths(path, row, resolved.Image, image, i), Bytes(path, row, resolved.ImageBytes, bytes, i),
                        Text(path, row, resolved.Target, target, i), Text(path, row, resolved.Reference, reference, i),
                        Text(path, row, resolved.Subset, subset, i));
                }
            }
        }
    }

    private static string? Text(string path, long row, string? name, IArrowArray? array, int i)
    {
        if (array is null || array.IsNull(i))
        {
            return null;
        }

        return array switch
        {
            StringArray s => s.GetString(i),
            LargeStringArray s => s.GetString(i),
            StringViewArray s => s.GetString(i),
            BooleanArray b => b.GetValue(i) == true ? "true" : "false",
            Int8Array n => n.GetValue(i)?.ToString(CultureInfo.InvariantCulture),
            Int16Array n => n.GetValue(i)?.ToString(CultureInfo.InvariantCulture),
            Int32Array n => n.GetValue(i)?.ToString(CultureInfo.InvariantCulture),
            Int64Array n => n.GetValue(i)?.ToString(CultureInfo.InvariantCulture),
            UInt8Array n => n.GetValue(i)?.ToString(CultureInfo.InvariantCulture),
            UInt16Array n => n.GetValue(i)?.ToString(CultureInfo.InvariantCulture),
            UInt32Array n => n.GetValue(i)?.ToString(CultureInfo.InvariantCulture),
            UInt64Array n => n.GetValue(i)?.ToString(CultureInfo.InvariantCulture),
            FloatArray n => n.GetValue(i)?.ToString(CultureInfo.InvariantCulture),
            DoubleArray n => n.GetValue(i)?.ToString(CultureInfo.InvariantCulture),
            _ => throw new AnnotationException(path, row, $"column '{name}' has type {array.Data.DataType.Name}; map text, numeric or boolean columns"),
        };
    }

    private static IReadOnlyList<string> Paths(string path, long row, string? name, IArrowArray? array, int i)
    {
        if (array is null || array.IsNull(i))
        {
            return [];
        }

        if (array is ListArray list)
        {
            var values = list.GetSlicedValues(i);
            return [.. Enumerable.Range(0, values.Length).Select(j => Text(path, row, name, values, j)).OfType<string>()];
        }

        return Text(path, row, name, array, i) is { } single ? [single] : [];
    }

    private static byte[]? Bytes(string path, long row, string? name, IArrowArray? array, int i) => array switch
    {
        null => null,
        _ when array.IsNull(i) => null,
        BinaryArray b => b.GetBytes(i).ToArray(),
        LargeBinaryArray b => b.GetBytes(i).ToArray(),
        _ => throw new AnnotationException(path, row, $"column '{name}' (image_bytes) must be binary, not {array.Data.DataType.Name}"),
    };
}
