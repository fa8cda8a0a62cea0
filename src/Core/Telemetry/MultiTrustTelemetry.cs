using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace MultiTrust.Core.Telemetry;

/// <summary>
/// The tool's <see cref="System.Diagnostics.Metrics"/> instruments (meter <see cref="MeterName"/>) and its
/// <see cref="ActivitySource"/> per stage. They cost nothing until a listener subscribes: the CLI exports them over OTLP
/// only when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set; tests attach an in-memory exporter. Thread-safe; the instruments
/// are process-wide and immutable, as .NET instrumentation is meant to be.
/// </summary>
/// <remarks>
/// Tags: <c>multitrust.model</c> (the model id on the rows), <c>multitrust.provider</c>, <c>multitrust.status</c> (the
/// row status, e.g. <c>answered</c>, <c>timeout</c>), <c>multitrust.token.type</c> (<c>input</c>/<c>output</c>),
/// <c>multitrust.judge</c>. Never a prompt, an answer, an endpoint's query or a key.
/// </remarks>
public static class MultiTrustTelemetry
{
    /// <summary>The meter every instrument belongs to.</summary>
    public const string MeterName = "MultiTrust";

    /// <summary>The activity source of the inference stage (one activity per model call).</summary>
    public const string InferenceSourceName = "MultiTrust.Inference";

    /// <summary>The activity source of the judging stage (one activity per model-backed judge call).</summary>
    public const string JudgingSourceName = "MultiTrust.Judging";

    /// <summary>The activity source of the sinks (one activity per commit).</summary>
    public const string SinkSourceName = "MultiTrust.Sinks";

    /// <summary>Every activity source name, for exporters to subscribe to.</summary>
    public static IReadOnlyList<string> ActivitySourceNames { get; } = [InferenceSourceName, JudgingSourceName, SinkSourceName];

    private static readonly Meter s_meter = new(MeterName);

    /// <summary>Model requests made (cache hits included), by model, provider and status.</summary>
    public static Counter<long> Requests { get; } = s_meter.CreateCounter<long>("multitrust.model.requests", "{request}", "Model requests by status");

    /// <summary>Wall time of one model request, retries included, in milliseconds.</summary>
    public static Histogram<double> Latency { get; } = s_meter.CreateHistogram<double>("multitrust.model.latency", "ms", "Model request latency");

    /// <summary>Tokens reported by the provider, by type (input or output).</summary>
    public static Counter<long> Tokens { get; } = s_meter.CreateCounter<long>("multitrust.model.tokens", "{token}", "Tokens reported by the provider");

    /// <summary>Model requests that ended without text a judge may read (error, timeout, content_filtered, empty), by status.</summary>
    public static Counter<long> Errors { get; } = s_meter.CreateCounter<long>("multitrust.model.errors", "{request}", "Model requests that failed, by status");

    /// <summary>Model requests answered from the response cache.</summary>
    public static Counter<long> CacheHits { get; } = s_meter.CreateCounter<long>("multitrust.cache.hits", "{request}", "Responses served from the cache");

    /// <summary>Time from a result's completion to its commit in milliseconds (how far durable output trails the work).</summary>
    public static Histogram<double> CommitLag { get; } = s_meter.CreateHistogram<double>("multitrust.commit.lag", "ms", "Time from result to commit");

    /// <summary>Activities of the inference stage.</summary>
    public static ActivitySource Inference { get; } = new(InferenceSourceName);

    /// <summary>Activities of the judging stage.</summary>
    public static ActivitySource Judging { get; } = new(JudgingSourceName);

    /// <summary>Activities of the sinks.</summary>
    public static ActivitySource Sinks { get; } = new(SinkSourceName);
}
