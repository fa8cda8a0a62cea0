using System.Diagnostics;
using MultiTrust.Core.Pipeline;
using MultiTrust.Core.Records;
using MultiTrust.Core.Telemetry;
using MultiTrust.Stages.Inference;
using MultiTrust.Stages.Inference.Anthropic;
using MultiTrust.Stages.Resilience;
using MultiTrust.Stages.Tests.Inference.Invoking;
using MultiTrust.Testing;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace MultiTrust.Stages.Tests.Inference.Telemetry;

/// <summary>
/// A loopback run through <see cref="ModelInvoker"/> seen by an in-memory OpenTelemetry exporter: the request, error,
/// token, latency and cache-hit instruments and one <c>model.invoke</c> activity per call.
/// </summary>
public sealed class ModelInvokerTelemetryTests
{
    [Fact]
    public async Task InvokeAsync_LoopbackRun_InstrumentsAndActivitiesSeeEveryCall()
    {
        var modelId = "anthropic/telemetry-" + Guid.NewGuid().ToString("N"); // Instruments are process-wide: tag by a unique model.
        var metrics = new List<Metric>();
        var activities = new List<Activity>();
        using var meterProvider = Sdk.CreateMeterProviderBuilder().AddMeter(MultiTrustTelemetry.MeterName).AddInMemoryExporter(metrics).Build();
        using var tracerProvider = Sdk.CreateTracerProviderBuilder().AddSource(MultiTrustTelemetry.InferenceSourceName).AddInMemoryExporter(activities).Build();
        await using var server = await LoopbackModelServer.StartAsync();
        server.Faults.Enqueue(Fault.ContentFilter());
        using var client = new AnthropicChatClient(new AnthropicOptions
        {
            Endpoints = [server.BaseUrl], Model = "claude-test",
            Resilience = new ResilienceOptions { BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5) },
        });
        var cache = new InMemoryResponseCache();
        var invoker = new ModelInvoker(
            client,
            new ModelInvokerOptions { ModelId = modelId, ProviderKind = "anthropic", ModelName = "claude-test", Generation = new GenerationParameters(0, 50, null, null) },
            new FakeBlobStore(),
            cache);

        var filtered = await invoker.InvokeAsync(TestSamples.Create("first prompt here"), Variant.Clean, CancellationToken.None);
        var answered = await invoker.InvokeAsync(TestSamples.Create("second prompt"), Variant.Clean, CancellationToken.None);
        var cached = await invoker.InvokeAsync(TestSamples.Create("second prompt"), Variant.Clean, CancellationToken.None);
        meterProvider.ForceFlush();
        tracerProvider.ForceFlush();

        Assert.Equal(ResponseStatus.ContentFiltered, filtered.Status);
        Assert.Equal(ResponseStatus.Answered, answered.Status);
        Assert.True(cached.CacheHit);
        Assert.Equal(3, Sum(metrics, "multitrust.model.requests", modelId));
        Assert.Equal(1, Sum(metrics, "multitrust.model.requests", modelId, ("multitrust.status", "content_filtered")));
        Assert.Equal(2, Sum(metrics, "multitrust.model.requests", modelId, ("multitrust.status", "answered")));
        Assert.Equal(1, Sum(metrics, "multitrust.model.errors", modelId, ("multitrust.status", "content_filtered")));
        Assert.Equal(1, Sum(metrics, "multitrust.cache.hits", modelId));
        Assert.Equal(answered.OutputTokens, (int)Sum(metrics, "multitrust.model.tokens", modelId, ("multitrust.token.type", "output")));
        Assert.Equal(3, HistogramCount(metrics, "multitrust.model.latency", modelId));
        var ours = activities.Where(a => Equals(a.GetTagItem("multitrust.model"), modelId)).ToList();
        Assert.Equal(3, ours.Count);
        Assert.All(ours, a => Assert.Equal("model.invoke", a.OperationName));
        Assert.Single(ours, a => a.Status == ActivityStatusCode.Error && Equals(a.GetTagItem("multitrust.status"), "content_filtered"));
        Assert.Single(ours, a => Equals(a.GetTagItem("multitrust.cache_hit"), true));
    }

    private static double Sum(List<Metric> metrics, string name, string modelId, params (string Key, string Value)[] tags)
    {
        double total = 0;
        foreach (var metric in metrics.Where(m => m.Name == name))
        {
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                if (Matches(point, modelId, tags))
                {
                    total += metric.MetricType == MetricType.LongSum ? point.GetSumLong() : point.GetSumDouble();
                }
            }
        }

        return total;
    }

    private static long HistogramCount(List<Metric> metrics, string name, string modelId)
    {
        long count = 0;
        foreach (var metric in metrics.Where(m => m.Name == name))
        {
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                if (Matches(point, modelId, []))
                {
                    count += point.GetHistogramCount();
                }
            }
        }

        return count;
    }

    private static bool Matches(in MetricPoint point, string modelId, (string Key, string Value)[] tags)
    {
        var found = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var tag in point.Tags)
        {
            found[tag.Key] = tag.Value;
        }

        return Equals(found.GetValueOrDefault("multitrust.model"), modelId) && tags.All(t => Equals(found.GetValueOrDefault(t.Key), t.Value));
    }
}
