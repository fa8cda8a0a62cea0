using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using MultiTrust.Bench.EndToEnd;
using MultiTrust.Core.Records;
using MultiTrust.Sinks.Results;

namespace MultiTrust.Bench.Micro;

/// <summary>
/// <see cref="ParquetResultSink"/>: write 100k evaluated items (each one sample row, one response row and two judgment
/// rows, so 400k table rows) and commit them as one part per table. Rows/s = 400k / mean time.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class ParquetSinkBenchmarks
{
    private const int Items = 100_000;
    private EvaluatedItem[] _items = [];
    private string _root = string.Empty;
    private int _run;

    [Params(ParquetCompression.Snappy, ParquetCompression.Zstd)]
    public ParquetCompression Compression { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _root = Path.Combine(Path.GetTempPath(), "mt-bench", "parquet-" + Guid.NewGuid().ToString("N")[..8]);
        _items = new EvaluatedItem[Items];
        for (var i = 0; i < Items; i++)
        {
            var prompt = $"Statement {i}: Is the sky in this scene cloudy? Answer yes or no.";
            var target = new SampleTarget((i & 1) == 0 ? "yes" : "no", [], null);
            var sampleId = SampleIds.Of(BenchTask.TaskId, "bench", prompt, [], target);
            var sample = new Sample(sampleId, BenchTask.TaskId, "Benchmark", "B.I", "bench", prompt, [], target, ImmutableDictionary<string, string>.Empty);
            var text = TypicalReplies.Texts[i % TypicalReplies.Texts.Length];
            var response = new ModelResponse(sampleId, "clean", "openai-compatible/bench", BenchTask.TaskId, sampleId[..16] + "request",
                ResponseStatus.Answered, text, "stop", null, 12.5 + (i % 100), 40, 12, 1, false, string.Empty);
            ImmutableArray<Judgment> judgments =
            [
                new Judgment(sampleId, "clean", response.ModelId, BenchTask.TaskId, "bench", "yesno", "yesno-rules/1", "yes", 1, JudgmentStatus.Ok, "decisive answer"),
                new Judgment(sampleId, "clean", response.ModelId, BenchTask.TaskId, "bench", "refusal", "refusal-rules/1", "complied", 0, JudgmentStatus.Ok, "no refusal phrase"),
            ];
            _items[i] = new EvaluatedItem(sample, Variant.Clean, response, judgments, WriteSampleRow: true);
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Benchmark]
    public async Task WriteAndCommit100k()
    {
        var runDir = Path.Combine(_root, "run-" + _run++);
        await using var sink = new ParquetResultSink(runDir, "bench", options: new ParquetSinkOptions { Compression = Compression });
        foreach (var item in _items)
        {
            await sink.WriteAsync(item, CancellationToken.None);
        }

        await sink.CommitAsync(CancellationToken.None);
        Directory.Delete(runDir, recursive: true);
    }
}
