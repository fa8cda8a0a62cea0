using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using MultiTrust.Core.Pipeline;
using MultiTrust.Core.Records;
using MultiTrust.Stages.Inference;
using MultiTrust.Stages.Inference.OpenAICompatible;
using MultiTrust.Stages.Resilience;
using MultiTrust.Stages.Tests.Inference.Invoking;
using MultiTrust.Testing;
using Xunit.Abstractions;

namespace MultiTrust.Stages.Tests.Resilience;

/// <summary>
/// Issue 10's first acceptance point: against a loopback server that throttles 10% of requests (429 with
/// <c>Retry-After: 1</c>), hangs 4% and resets or fails others, 300 requests at the default settings of a model entry
/// (concurrency 16, 4 retries; only the per-attempt timeout is set) all end as rows within 2.2× the request timeout.
/// </summary>
public sealed class MisbehavingServerAcceptanceTests(ITestOutputHelper output)
{
    private const int Requests = 300;

    /// <summary>
    /// Short next to the 120 s default, long next to what the run spends on <c>Retry-After</c> (1 s resolution) and backoff
    /// waits: about 8–10 s here whatever the timeout, on top of the one timeout the hung requests cost. With 20 s the run
    /// keeps the proportions of the scenario (120 s timeout) and takes about 1.4× the timeout.
    /// </summary>
    private static readonly TimeSpan s_requestTimeout = TimeSpan.FromSeconds(20);

    [Fact]
    [Trait("Category", "LongRunning")]
    public async Task Run_ThrottlingHangingResettingServer_AllRowsWithinTwicePointTwoRequestTimeouts()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        var plan = new MixedFaults(server);
        server.Faults.Policy = plan.Decide;
        var model = PipelineLoader.Create("openai-compatible", [server.BaseUrl.AbsoluteUri], "m", new SourceLocation("test", 1, 1)) with
        {
            Timeout = s_requestTimeout,
        };
        using var client = new OpenAICompatibleChatClient(new OpenAICompatibleOptions
        {
            Endpoints = [server.BaseUrl],
            Model = model.Model!,
            MaxConcurrency = model.Concurrency,
            Resilience = new ResilienceOptions { RequestTimeout = model.Timeout, MaxRetries = model.MaxRetries, TotalTimeout = model.TotalTimeout },
        });
        var invoker = new ModelInvoker(
            client,
            new ModelInvokerOptions { ModelId = model.Id, ProviderKind = model.Provider, ModelName = model.Model!, MaxConcurrency = model.Concurrency },
            new FakeBlobStore());
        var samples = Enumerable.Range(0, Requests).Select(i => TestSamples.Create($"q{i}")).ToArray();
        var rows = new ConcurrentBag<ModelResponse>();

        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(
            samples,
            new ParallelOptions { MaxDegreeOfParallelism = invoker.MaxConcurrency },
            async (sample, token) => rows.Add(await invoker.InvokeAsync(sample, Variant.Clean, token)));
        var elapsed = clock.Elapsed;
        output.WriteLine(
            $"{Requests} requests in {elapsed.TotalSeconds:0.0} s = {elapsed / s_requestTimeout:0.00} x the request timeout; {plan.Describe()}; " +
            $"slowest row {rows.Max(r => r.LatencyMs) / 1000:0.0} s");

        Assert.True(
            elapsed <= s_requestTimeout * 2.2,
            $"{Requests} requests took {elapsed.TotalSeconds:0.0} s, more than 2.2 x the {s_requestTimeout.TotalSeconds} s request timeout " +
            $"({plan.Describe()}, limit now {client.CurrentConcurrencyLimit}; slowest: " +
            string.Join("; ", rows.OrderByDescending(r => r.LatencyMs).Take(5).Select(r =>
                $"{samples.Single(s => s.Id == r.SampleId).Prompt} {r.LatencyMs / 1000:0.0} s, {r.Attempts} attempt(s) " +
                plan.Path(samples.Single(s => s.Id == r.SampleId).Prompt, r.Attempts))) + ")");
        Assert.Equal(Requests, rows.Count);
        Assert.Equal(samples.Select(s => s.Id).Order(), rows.Select(r => r.SampleId).Order());
        Assert.All(rows, row => Assert.True(
            row.Status == ResponseStatus.Answered ? row.Text == "Echo: " + samples.Single(s => s.Id == row.SampleId).Prompt && row.Error is null
                : row.Status is ResponseStatus.Error or ResponseStatus.Timeout && row.Text is null && row.Error is not null && row.Attempts == 5,
            $"{row.SampleId}: {row.Status} after {row.Attempts} attempt(s): {row.Error}"));
        Assert.True(rows.Count(r => r.Status == ResponseStatus.Answered) >= Requests - 3, plan.Describe());
        var faultedFirst = samples.Where(s => plan.FirstAttemptFaulted(s.Prompt)).Select(s => s.Id).ToHashSet();
        Assert.InRange(faultedFirst.Count, Requests / 6, Requests / 3);
        Assert.All(rows.Where(r => faultedFirst.Contains(r.SampleId)), row => Assert.True(row.Attempts >= 2, $"{row.SampleId}: {row.Attempts} attempt(s)"));
        Assert.True(plan.Hangs >= 6, plan.Describe());
    }

    /// <summary>
    /// The server's behaviour, fixed per (prompt, attempt) by a hash so every run sees the same plan: first attempts are
    /// throttled 10% (429, Retry-After: 1), hang 4%, are reset 3% and fail with 500 3%; later attempts are throttled 10%,
    /// reset 3% and fail 3% (a hang is never repeated for the same request: a request that hangs on every attempt
    /// takes every timeout, which no client can avoid).
    /// </summary>
    private sealed class MixedFaults(LoopbackModelServer server)
    {
        private int _throttled;
        private int _hangs;
        private int _resets;
        private int _errors;

        public int Hangs => Volatile.Read(ref _hangs);

        public Fault? Decide(RecordedRequest request)
        {
            var attempt = server.RequestCountForBody(request.BodySha256);
            var draw = Draw(request.LastUserText ?? string.Empty, attempt);
            var fault = attempt == 1
                ? draw switch { < 0.10 => Fault.TooManyRequests(1), < 0.14 => Fault.Hang(), < 0.17 => Fault.ConnectionReset(), < 0.20 => Fault.ServerError(), _ => null }
                : draw switch { < 0.10 => Fault.TooManyRequests(1), < 0.13 => Fault.ConnectionReset(), < 0.16 => Fault.ServerError(), _ => null };
            switch (fault?.Kind)
            {
                case FaultKind.Status when fault.StatusCode == 429:
                    Interlocked.Increment(ref _throttled);
                    break;
                case FaultKind.Hang:
                    Interlocked.Increment(ref _hangs);
                    break;
                case FaultKind.ConnectionReset:
                    Interlocked.Increment(ref _resets);
                    break;
                case FaultKind.Status:
                    Interlocked.Increment(ref _errors);
                    break;
            }

            return fault;
        }

        /// <summary>What the server did to the first <paramref name="attempts"/> attempts of a prompt.</summary>
        public string Path(string prompt, int attempts) =>
            string.Join(" > ", Enumerable.Range(1, attempts).Select(a => (a, d: Draw(prompt, a))).Select(x => x.a == 1
                ? x.d switch { < 0.10 => "429", < 0.14 => "hang", < 0.17 => "reset", < 0.20 => "500", _ => "ok" }
                : x.d switch { < 0.10 => "429", < 0.13 => "reset", < 0.16 => "500", _ => "ok" }));

        public bool FirstAttemptFaulted(string prompt) => Draw(prompt, 1) < 0.20;

        public string Describe() => $"served {server.TotalRequests} requests: {_throttled} throttled, {_hangs} hung, {_resets} reset, {_errors} failed";

        private static double Draw(string prompt, int attempt)
        {
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{prompt}#{attempt}"));
            return (BinaryPrimitives.ReadUInt64LittleEndian(hash) >> 11) / (double)(1UL << 53);
        }
    }
}
