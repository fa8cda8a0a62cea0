using Apache.Arrow;
using MultiTrust.Core.Records;

namespace MultiTrust.Sinks.Arrow;

/// <summary>Builds one record batch of <see cref="ArrowEmitSchema"/> from responses and judgments. Not thread-safe.</summary>
internal sealed class ArrowEmitBatch(string runId)
{
    private readonly List<(ModelResponse? Response, Judgment? Judgment)> _rows = [];

    public int Count => _rows.Count;

    public void Add(ModelResponse response) => _rows.Add((response, null));

    public void Add(Judgment judgment) => _rows.Add((null, judgment));

    public void Clear() => _rows.Clear();

    public RecordBatch Build()
    {
        var r = _rows;
        IArrowArray[] columns =
        [
            Strings(r.Select(_ => (string?)runId)),
            Strings(r.Select(x => (string?)(x.Response is null ? ArrowEmitSchema.Judgment : ArrowEmitSchema.Response))),
            Strings(r.Select(x => x.Response?.TaskId ?? x.Judgment!.TaskId)),
            Strings(r.Select(x => x.Response?.SampleId ?? x.Judgment!.SampleId)),
            Strings(r.Select(x => x.Response?.VariantId ?? x.Judgment!.VariantId)),
            Strings(r.Select(x => x.Response?.ModelId ?? x.Judgment!.ModelId)),
            Strings(r.Select(x => x.Response is { } response ? response.Status.ToName() : x.Judgment!.Status.ToName())),
            Strings(r.Select(x => x.Judgment?.Subset)),
            Strings(r.Select(x => x.Response?.RequestHash)),
            Strings(r.Select(x => x.Response?.Text)),
            Strings(r.Select(x => x.Response?.FinishReason)),
            Strings(r.Select(x => x.Response?.Error)),
            Doubles(r.Select(x => x.Response?.LatencyMs)),
            Ints(r.Select(x => x.Response?.Attempts)),
            Booleans(r.Select(x => x.Response?.CacheHit)),
            Strings(r.Select(x => x.Judgment?.JudgeId)),
            Strings(r.Select(x => x.Judgment?.JudgeVersion)),
            Strings(r.Select(x => x.Judgment?.Label)),
            Doubles(r.Select(x => x.Judgment?.Score)),
            Strings(r.Select(x => x.Judgment?.Raw)),
            Strings(r.Select(x => x.Judgment?.Expected)),
            Ints(r.Select(x => x.Judgment?.Revision)),
        ];
        return new RecordBatch(ArrowEmitSchema.Schema, columns, r.Count);
    }

    private static StringArray Strings(IEnumerable<string?> values)
    {
        var builder = new StringArray.Builder();
        foreach (var value in values)
        {
            if (value is null)
            {
                builder.AppendNull();
            }
            else
            {
                builder.Append(value);
            }
        }

        return builder.Build();
    }

    private static DoubleArray Doubles(IEnumerable<double?> values)
    {
        var builder = new DoubleArray.Builder();
        foreach (var value in values)
        {
            builder.Append(value);
        }

        return builder.Build();
    }

    private static Int32Array Ints(IEnumerable<int?> values)
    {
        var builder = new Int32Array.Builder();
        foreach (var value in values)
        {
            builder.Append(value);
        }

        return builder.Build();
    }

    private static BooleanArray Booleans(IEnumerable<bool?> values)
    {
        var builder = new BooleanArray.Builder();
        foreach (var value in values)
        {
            if (value is { } flag)
            {
                builder.Append(flag);
            }
            else
            {
                builder.AppendNull();
            }
        }

        return builder.Build();
    }
}
