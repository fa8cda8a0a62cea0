using Apache.Arrow;
using Apache.Arrow.Ipc;
using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;
using MultiTrust.Sinks.Arrow;

namespace MultiTrust.Sinks.Tests.Arrow;

public sealed class ArrowEmitSinkTests
{
    [Fact]
    public async Task CommitAsync_EmitsOnlyCommittedRowsWithEveryColumn()
    {
        var output = new MemoryStream();
        var inner = new CountingSink();
        await using (var sink = new ArrowEmitSink(inner, output, "run-1"))
        {
            await sink.WriteAsync(TestItems.Full("s1"), CancellationToken.None);
            await sink.WriteAsync(TestItems.Nulls("s2"), CancellationToken.None);
            await sink.CommitAsync(CancellationToken.None);
            await sink.WriteAsync(TestItems.Full("s3"), CancellationToken.None); // never committed

            Assert.Equal(5, sink.Emitted);
        }

        var batches = await ReadAsync(output.ToArray());
        var batch = Assert.Single(batches);
        Assert.Equal(5, batch.Length);
        Assert.Equal(1, inner.Commits);
        Assert.True(inner.Disposed);
        var kinds = Strings(batch, "row_kind");
        Assert.Equal(["response", "judgment", "judgment", "response", "judgment"], kinds);
        Assert.DoesNotContain("s3", Strings(batch, "sample_id"));
        Assert.All(Strings(batch, "run_id"), r => Assert.Equal("run-1", r));
        Assert.Equal("truncated", Strings(batch, "status")[0]);
        Assert.Equal("Yes, it", Strings(batch, "text")[0]);
        Assert.Equal(12.5, ((DoubleArray)batch.Column("latency_ms")).GetValue(0));
        Assert.True(((BooleanArray)batch.Column("cache_hit")).GetValue(0));
        Assert.Equal("yes-no", Strings(batch, "judge_id")[1]);
        Assert.Equal(1.0, ((DoubleArray)batch.Column("score")).GetValue(1));
        Assert.Null(Strings(batch, "judge_id")[0]);
        Assert.Equal("error", Strings(batch, "status")[3]);
        Assert.Null(Strings(batch, "text")[3]);
        Assert.Equal("HTTP 500 from http://127.0.0.1", Strings(batch, "error")[3]);
        Assert.Equal("skipped", Strings(batch, "status")[4]);
    }

    [Fact]
    public async Task WriteAsync_JudgmentsOnlyItem_EmitsOnlyItsJudgments()
    {
        var output = new MemoryStream();
        await using (var sink = new ArrowEmitSink(new CountingSink(), output, "run-1"))
        {
            await sink.WriteAsync(TestItems.Full("s1") with { JudgmentsOnly = true }, CancellationToken.None);
            await sink.CommitAsync(CancellationToken.None);
        }

        var batch = Assert.Single(await ReadAsync(output.ToArray()));
        Assert.Equal(["judgment", "judgment"], Strings(batch, "row_kind"));
    }

    [Fact]
    public async Task DisposeAsync_NothingCommitted_StreamHasTheSchemaAndNoRows()
    {
        var output = new MemoryStream();
        await using (var sink = new ArrowEmitSink(new CountingSink(), output, "run-1"))
        {
            await sink.WriteAsync(TestItems.Full("s1"), CancellationToken.None);
        }

        using var reader = new ArrowStreamReader(new MemoryStream(output.ToArray()));
        Assert.Null(await reader.ReadNextRecordBatchAsync());
        Assert.Equal(ArrowEmitSchema.Schema.FieldsList.Select(f => f.Name), reader.Schema.FieldsList.Select(f => f.Name));
    }

    private static async Task<List<RecordBatch>> ReadAsync(byte[] bytes)
    {
        using var reader = new ArrowStreamReader(new MemoryStream(bytes));
        var batches = new List<RecordBatch>();
        while (await reader.ReadNextRecordBatchAsync() is { } batch)
        {
            batches.Add(batch);
        }

        return batches;
    }

    private static List<string?> Strings(RecordBatch batch, string column)
    {
        var array = (StringArray)batch.Column(column);
        return [.. Enumerable.Range(0, batch.Length).Select(i => array.GetString(i))];
    }

    private sealed class CountingSink : IResultSink
    {
        public int Commits { get; private set; }

        public bool Disposed { get; private set; }

        public ValueTask WriteAsync(EvaluatedItem item, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask CommitAsync(CancellationToken cancellationToken)
        {
            Commits++;
            return ValueTask.CompletedTask;
        }

        public ValueTask DisposeAsync()
        {
            Disposed = true;
            return ValueTask.CompletedTask;
        }
    }
}
