using System.Globalization;
using MultiTrust.Core.Contracts;
using MultiTrust.Stages.Judging.Chains;
using MultiTrust.Stages.Judging.Classifiers;
using MultiTrust.Testing;

namespace MultiTrust.Bench.EndToEnd;

/// <summary>
/// <c>e2e --judge-model harmbench</c>: a model-backed judge on every response — the HarmBench-style classifier judge
/// (<see cref="HarmfulnessClassifierJudge"/>, as the CLI builds it from <c>judge_models.harmbench</c>) served by its own
/// loopback server, which answers each classifier call after <c>--judge-latency-ms</c> (default 20 ms, a GPU
/// classifier's time per call) — and measures the judge calls in flight at that server: the maximum, and the mean of a
/// sample every 10 ms while the judge is busy. The judge runs on its own block at <c>--judge-concurrency</c> (default 64).
/// </summary>
internal sealed class JudgeModelLoad : IAsyncDisposable
{
    private readonly LoopbackModelServer _server;
    private readonly HarmfulnessClassifierJudge _judge;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampler;
    private long _samples;
    private long _inFlightSum;

    private JudgeModelLoad(LoopbackModelServer server, HarmfulnessClassifierJudge judge, int concurrency)
    {
        _server = server;
        _judge = judge;
        Concurrency = concurrency;
        Judge = new ModelBackedJudge(judge, HarmfulnessClassifierJudge.JudgeId, concurrency);
        _sampler = SampleAsync();
    }

    /// <summary>The judge step to add to the task's chain.</summary>
    public IJudge Judge { get; }

    public int Concurrency { get; }

    public static async Task<JudgeModelLoad> StartAsync(int concurrency, TimeSpan latency)
    {
        var server = await LoopbackModelServer.StartAsync(new LoopbackModelServerOptions { RecordRequests = false });
        server.Reply = _ => "No";
        if (latency > TimeSpan.Zero)
        {
            var slow = Fault.Slow(latency);
            server.Faults.Policy = _ => slow;
        }

        var judge = HarmfulnessClassifierJudge.Create(new ClassifierJudgeOptions
        {
            Endpoint = server.BaseUrl,
            Model = "bench-classifier",
            MaxConcurrency = concurrency,
        });
        return new JudgeModelLoad(server, judge, concurrency);
    }

    /// <summary>One line: judge calls, in flight (max and mean while busy) against the concurrency and the cores.</summary>
    public string Describe()
    {
        var samples = Interlocked.Read(ref _samples);
        var mean = samples == 0 ? 0 : (double)Interlocked.Read(ref _inFlightSum) / samples;
        return string.Create(CultureInfo.InvariantCulture,
            $"judge harmbench: {_server.TotalRequests:N0} calls, in flight max {_server.MaxInFlight} / mean {mean:F1} while busy ({samples:N0} samples every 10 ms), concurrency {Concurrency}, cores {Environment.ProcessorCount}");
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampler;
        _judge.Dispose();
        await _server.DisposeAsync();
        _stop.Dispose();
    }

    private async Task SampleAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(10));
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                var inFlight = _server.InFlight;
                if (inFlight > 0)
                {
                    Interlocked.Increment(ref _samples);
                    Interlocked.Add(ref _inFlightSum, inFlight);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
