using System.Diagnostics;
using System.Globalization;
using MultiTrust.Bench.Common;
using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;
using MultiTrust.Engine;
using MultiTrust.Sinks.Results;
using MultiTrust.Sources.Storage;
using MultiTrust.Stages.Inference;
using MultiTrust.Stages.Inference.Cache;
using MultiTrust.Stages.Inference.OpenAICompatible;
using MultiTrust.Testing;

namespace MultiTrust.Bench.EndToEnd;

/// <summary>
/// <c>e2e</c>: engine + OpenAI-compatible HTTP client against the zero-latency loopback server + rule judges + real
/// Parquet commits, wired like the CLI's PipelineRun/ModelInvokers. Options: --samples, --mode text|image, --concurrency,
/// --warmup, --server inproc|spawn, --endpoint URL, --judges yesno,refusal|none, --commit-every, --images, --image-kb,
/// --cache (SQLite response cache on), --keep (keep the output folder), --judge-model harmbench (a model-backed judge on
/// its own loopback server, with --judge-concurrency and --judge-latency-ms; see <see cref="JudgeModelLoad"/>);
/// attribution only: --sink null (discard items), --model fake (in-process answers, no HTTP).
/// </summary>
public static class EndToEndBenchmark
{
    public static async Task<int> RunAsync(BenchArgs args)
    {
        var samples = args.Int("samples", 200_000);
        var mode = args.String("mode", "text");
        var concurrency = args.Int("concurrency", 256);
        var warmup = args.Int("warmup", Math.Min(samples / 5, 20_000));
        var serverMode = args.String("server", "inproc");
        var judgesArg = args.String("judges", "yesno,refusal");
        var commitEvery = args.Int("commit-every", new EngineOptions().CommitEveryItems);
        var imageCount = args.Int("images", 2_000);
        var imageKb = args.Int("image-kb", 80);
        var useCache = args.Flag("cache");
        var sinkKind = args.String("sink", "parquet");
        var modelKind = args.String("model", "http");
        var judgeModel = args.Optional("judge-model");
        var judgeConcurrency = args.Int("judge-concurrency", 64);
        var judgeLatency = TimeSpan.FromMilliseconds(args.Int("judge-latency-ms", 20));
        if (judgeModel is not (null or "harmbench"))
        {
            throw new ArgumentException($"--judge-model supports harmbench, got '{judgeModel}'.");
        }
        if (mode is not ("text" or "image"))
        {
            throw new ArgumentException($"--mode must be text or image, got '{mode}'.");
        }

        var output = Path.Combine(Path.GetTempPath(), "mt-bench", "e2e-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(output);
        Console.WriteLine(Invariant($"e2e: mode={mode} samples={samples:N0} warmup={warmup:N0} concurrency={concurrency} server={serverMode} judges={judgesArg} commit-every={commitEvery:N0} cache={useCache} sink={sinkKind} model={modelKind} judge-model={judgeModel ?? "none"} cores={Environment.ProcessorCount} gc={(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} out={output}"));

        LoopbackModelServer? inproc = null;
        Process? child = null;
        Uri baseUrl;
        if (args.Optional("endpoint") is { } endpoint)
        {
            baseUrl = new Uri(endpoint);
        }
        else if (serverMode == "spawn")
        {
            (child, baseUrl) = await ServeMode.SpawnAsync();
        }
        else
        {
            inproc = await LoopbackModelServer.StartAsync(new LoopbackModelServerOptions { RecordRequests = false });
            inproc.Reply = TypicalReplies.For;
            baseUrl = inproc.BaseUrl;
        }

        try
        {
            using var blobs = new FileBlobStore(output);
            IReadOnlyList<ImageRef> images = [];
            if (mode == "image")
            {
                var started = Stopwatch.GetTimestamp();
                images = await ImagePool.CreateAsync(blobs, imageCount, imageKb * 1024, seed: 7);
                Console.WriteLine(Invariant($"image pool: {imageCount:N0} distinct {imageKb} KB blobs stored in {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s (not timed)"));
            }

            IReadOnlyList<IJudge> judges = judgesArg == "none" ? [] : [.. BenchTask.DefaultJudges().Where(j => judgesArg.Split(',').Contains(j.Id))];
            await using var judgeLoad = judgeModel is null ? null : await JudgeModelLoad.StartAsync(judgeConcurrency, judgeLatency);
            if (judgeLoad is not null)
            {
                judges = [.. judges, judgeLoad.Judge];
            }

            var task = new BenchTask(images, judges);
            Directory.CreateDirectory(Path.Combine(output, "cache"));
            await using var cache = useCache ? await SqliteResponseCache.OpenAsync(Path.Combine(output, "cache", "responses.sqlite")) : null;
            using var client = new OpenAICompatibleChatClient(
                new OpenAICompatibleOptions { Endpoints = [baseUrl], Model = "bench-model", MaxConcurrency = concurrency },
                TimeProvider.System);
            var invoker = new ModelInvoker(
                client,
                new ModelInvokerOptions
                {
                    ModelId = "openai-compatible/bench",
                    ProviderKind = "openai-compatible",
                    ModelName = "bench-model",
                    MaxConcurrency = concurrency,
                    UseCache = useCache,
                },
                blobs,
                cache,
                new ImageContentCache(),
                TimeProvider.System);

            var runDir = Path.Combine(output, "runs", "bench");
            var progress = new RunProgress();
            var engine = new EvaluationEngine(new EngineOptions { CommitEveryItems = commitEvery }, TimeProvider.System);
            ProcessSnapshot? atWarmup = null;
            long completedAtWarmup = 0;
            TimeSpan childCpuAtWarmup = default;
            var start = ProcessSnapshot.Take();
            EngineResult result;
            IModelInvoker model = modelKind == "fake" ? new Memory.FakeModelInvoker(concurrency) : invoker;
            await using (IResultSink sink = sinkKind == "null" ? new NullSink() : new ParquetResultSink(runDir, "bench"))
            {
                var plan = new EnginePlan([new PlannedTask(task, samples, task.Judges)], [model], 1, blobs, NoCompletedKeys.Instance, sink);
                await using var sampler = new HeapSampler(TimeSpan.FromMilliseconds(100), () => progress.Completed, point =>
                {
                    if (atWarmup is null && point.Progress >= warmup)
                    {
                        completedAtWarmup = point.Progress;
                        childCpuAtWarmup = ChildCpu(child);
                        atWarmup = ProcessSnapshot.Take();
                    }
                });
                result = await engine.RunAsync(plan, progress, CancellationToken.None, CancellationToken.None);
            }

            var end = ProcessSnapshot.Take();
            var childCpuAtEnd = ChildCpu(child);
            Console.WriteLine(Invariant($"written {result.Written:N0}, failed responses {progress.Failed:N0}, committed {progress.Committed:N0}, server requests {inproc?.TotalRequests.ToString("N0", CultureInfo.InvariantCulture) ?? "(other process)"}, server max in flight {inproc?.MaxInFlight.ToString(CultureInfo.InvariantCulture) ?? "(see serve line)"}"));
            if (judgeLoad is not null)
            {
                Console.WriteLine(judgeLoad.Describe());
            }

            Console.WriteLine("whole run:    " + end.Describe(start, result.Written));
            if (atWarmup is not null)
            {
                var measured = result.Written - completedAtWarmup;
                Console.WriteLine("after warmup: " + end.Describe(atWarmup, measured));
                if (child is not null)
                {
                    var serverCpu = (childCpuAtEnd - childCpuAtWarmup).TotalSeconds;
                    var seconds = end.ElapsedSince(atWarmup).TotalSeconds;
                    Console.WriteLine(Invariant($"server process CPU after warmup: {serverCpu:F1} s ({serverCpu / seconds:F2} cores, {serverCpu * 1e6 / measured:F0} µs/request)"));
                }
            }
            else
            {
                Console.WriteLine("after warmup: (run ended before the warm-up count was reached)");
            }

            Console.WriteLine(Invariant($"peak working set {ProcessSnapshot.PeakWorkingSet() / 1048576.0:N0} MB; parquet output {DirectorySize(runDir) / 1048576.0:N0} MB"));
            return progress.Failed == 0 && result.Written == samples ? 0 : 1;
        }
        finally
        {
            if (inproc is not null)
            {
                await inproc.DisposeAsync();
            }

            if (child is not null)
            {
                child.StandardInput.Close();
                await child.WaitForExitAsync();
                child.Dispose();
            }

            if (!args.Flag("keep"))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }

    private static TimeSpan ChildCpu(Process? child)
    {
        if (child is null)
        {
            return default;
        }

        child.Refresh();
        return child.TotalProcessorTime;
    }

    private static long DirectorySize(string path) =>
        Directory.Exists(path) ? new DirectoryInfo(path).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length) : 0;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
