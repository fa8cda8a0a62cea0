using System.Collections.Concurrent;
using MultiTrust.Core.Contracts;
using MultiTrust.Engine;
using MultiTrust.Sinks.Results;
using MultiTrust.Sources.Storage;
using MultiTrust.Stages.Inference;
using MultiTrust.Stages.Inference.Cache;
using MultiTrust.Stages.Inference.OpenAICompatible;
using MultiTrust.Stages.Judging.Chains;
using MultiTrust.Tasks;
using MultiTrust.Testing;

namespace MultiTrust.Cli.Tests;

/// <summary>
/// A response cache that breaks mid-run (a systemic failure) stops the run, and every result that completed before it —
/// answered, cached, judged — is committed to Parquet: the real invoker, HTTP client, loopback server, engine and sink.
/// </summary>
public sealed class CacheFailureTests
{
    [Theory]
    [InlineData(1, 25)]
    [InlineData(16, 100)]
    public async Task RunAsync_CacheFailsAfterNWrites_EveryCompletedResultIsCommitted(int concurrency, int writes)
    {
        await using var server = await LoopbackModelServer.StartAsync(new LoopbackModelServerOptions { RecordRequests = false });
        var output = Path.Combine(Path.GetTempPath(), "mt-cache-failure-" + Guid.NewGuid().ToString("N"));
        try
        {
            var runDir = Path.Combine(output, "runs", "r");
            var cache = new BreakingCache(writes);
            var blobs = new FileBlobStore(output);
            Assert.True(new TaskCatalog().TryGet("t1-basic", "synthetic", out var task));
            using var client = new OpenAICompatibleChatClient(
                new OpenAICompatibleOptions { Endpoints = [server.BaseUrl], Model = "m", MaxConcurrency = concurrency }, TimeProvider.System);
            var invoker = new ModelInvoker(client, new ModelInvokerOptions
            {
                ModelId = "openai-compatible/m",
                ProviderKind = "openai-compatible",
                ModelName = "m",
                MaxConcurrency = concurrency,
                UseCache = true,
            }, blobs, cache, new ImageContentCache(), TimeProvider.System);
            var progress = new RunProgress();
            SystemicFailureException error;
            await using (var sink = new ParquetResultSink(runDir, "r"))
            {
                var plan = new EnginePlan(
                    [new PlannedTask(task, 400, VerdictChain.Build(task.Info.Id, task.Verdicts, null))], [invoker], 7, blobs, EmptyKeys.Instance, sink);
                var engine = new EvaluationEngine(new EngineOptions { QueueCapacity = 32, CommitEveryItems = 100_000 }, TimeProvider.System);
                error = await Assert.ThrowsAsync<SystemicFailureException>(() => engine.RunAsync(plan, progress, default, default));
            }

            Assert.Contains("response cache", error.Message, StringComparison.Ordinal);
            var committed = await RunOutputs.ResponsesAsync(runDir);
            Assert.Equal(cache.Stored.Order(), committed.Select(r => r.RequestHash).Order()); // exactly the results that completed
            Assert.Equal(writes, committed.Count);
            Assert.Equal(writes, progress.Committed);
            var judged = (await RunOutputs.JudgmentsAsync(runDir)).Select(j => j.SampleId).Distinct().Count();
            Assert.Equal(writes, judged);
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    /// <summary>Misses every lookup; keeps the first <c>writes</c> puts, then fails every put like a disk error.</summary>
    private sealed class BreakingCache(int writes) : IResponseCache
    {
        private int _puts;

        public ConcurrentBag<string> Stored { get; } = [];

        public ValueTask<CachedResponse?> TryGetAsync(string requestHash, string servedModel, CancellationToken cancellationToken) => ValueTask.FromResult<CachedResponse?>(null);

        public ValueTask PutAsync(string requestHash, string servedModel, CachedResponse response, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _puts) > writes)
            {
                throw new IOException("disk I/O error");
            }

            Stored.Add(requestHash);
            return ValueTask.CompletedTask;
        }

        public ValueTask FlushAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private sealed class EmptyKeys : ICompletedKeys
    {
        public static EmptyKeys Instance { get; } = new();

        public int Count => 0;

        public bool Contains(string sampleId, string variantId, string modelId) => false;
    }
}
