using System.Diagnostics;
using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;
using MultiTrust.Core.Telemetry;

namespace MultiTrust.Stages.Inference;

public sealed partial class ModelInvoker
{
    /// <summary>A <c>model.invoke</c> activity when someone listens (null otherwise: no cost).</summary>
    private Activity? StartActivity(Sample sample, Variant variant)
    {
        var activity = MultiTrustTelemetry.Inference.StartActivity("model.invoke", ActivityKind.Client);
        if (activity is not null)
        {
            activity.SetTag("multitrust.model", _options.ModelId);
            activity.SetTag("multitrust.provider", _options.ProviderKind);
            activity.SetTag("multitrust.task", sample.TaskId);
            activity.SetTag("multitrust.sample", sample.Id);
            activity.SetTag("multitrust.variant", variant.Id);
        }

        return activity;
    }

    /// <summary>Counts the finished request on the instruments and closes its activity with its status.</summary>
    private void Record(ModelResponse response, Activity? activity)
    {
        var status = response.Status.ToName();
        var model = new KeyValuePair<string, object?>("multitrust.model", _options.ModelId);
        var provider = new KeyValuePair<string, object?>("multitrust.provider", _options.ProviderKind);
        var statusTag = new KeyValuePair<string, object?>("multitrust.status", status);
        MultiTrustTelemetry.Requests.Add(1, model, provider, statusTag);
        MultiTrustTelemetry.Latency.Record(response.LatencyMs, model, provider, statusTag);
        if (!response.Status.HasText())
        {
            MultiTrustTelemetry.Errors.Add(1, model, provider, statusTag);
        }

        if (response.CacheHit)
        {
            MultiTrustTelemetry.CacheHits.Add(1, model, provider);
        }
        else
        {
            if (response.InputTokens is { } input)
            {
                MultiTrustTelemetry.Tokens.Add(input, model, provider, new KeyValuePair<string, object?>("multitrust.token.type", "input"));
            }

            if (response.OutputTokens is { } output)
            {
                MultiTrustTelemetry.Tokens.Add(output, model, provider, new KeyValuePair<string, object?>("multitrust.token.type", "output"));
            }
        }

        if (activity is not null)
        {
            activity.SetTag("multitrust.status", status);
            activity.SetTag("multitrust.attempts", response.Attempts);
            activity.SetTag("multitrust.cache_hit", response.CacheHit);
            activity.SetStatus(response.Status.HasText() ? ActivityStatusCode.Ok : ActivityStatusCode.Error, response.Status.HasText() ? null : status);
        }
    }
}
