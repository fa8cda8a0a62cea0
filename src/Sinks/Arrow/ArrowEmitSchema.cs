using Apache.Arrow;
using Apache.Arrow.Types;

namespace MultiTrust.Sinks.Arrow;

/// <summary>
/// The schema of the emitted Arrow stream: one row per response (<c>row_kind = 'response'</c>) and one per judgment
/// (<c>row_kind = 'judgment'</c>), with the columns of the Parquet <c>responses</c> and <c>judgments</c> tables
/// (docs/schema.md); a column that does not apply to a row kind is null.
/// </summary>
public static class ArrowEmitSchema
{
    public const string Response = "response";

    public const string Judgment = "judgment";

    public static Schema Schema { get; } = new Schema.Builder()
        .Field(Text("run_id", nullable: false))
        .Field(Text("row_kind", nullable: false))
        .Field(Text("task_id", nullable: false))
        .Field(Text("sample_id", nullable: false))
        .Field(Text("variant_id", nullable: false))
        .Field(Text("model_id", nullable: false))
        .Field(Text("status", nullable: false))
        .Field(Text("subset"))
        .Field(Text("request_hash"))
        .Field(Text("text"))
        .Field(Text("finish_reason"))
        .Field(Text("error"))
        .Field(f => f.Name("latency_ms").DataType(DoubleType.Default).Nullable(true))
        .Field(f => f.Name("attempts").DataType(Int32Type.Default).Nullable(true))
        .Field(f => f.Name("cache_hit").DataType(BooleanType.Default).Nullable(true))
        .Field(Text("judge_id"))
        .Field(Text("judge_version"))
        .Field(Text("label"))
        .Field(f => f.Name("score").DataType(DoubleType.Default).Nullable(true))
        .Field(Text("raw"))
        .Field(Text("expected"))
        .Field(f => f.Name("revision").DataType(Int32Type.Default).Nullable(true))
        .Build();

    private static Action<Field.Builder> Text(string name, bool nullable = true) =>
        f => f.Name(name).DataType(StringType.Default).Nullable(nullable);
}
