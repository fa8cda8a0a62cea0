using MultiTrust.Core.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace MultiTrust.Cli.Infrastructure;

/// <summary>
/// Exports the tool's metrics and activities (<see cref="MultiTrustTelemetry"/>) over OTLP while a command runs, only
/// when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set; without it nothing is collected or sent. The variables are read through
/// <see cref="CliEnvironment"/>: <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (the collector's base URL) and
/// <c>OTEL_EXPORTER_OTLP_PROTOCOL</c> (<c>grpc</c>, the default, or <c>http/protobuf</c>, which posts to
/// <c>/v1/traces</c> and <c>/v1/metrics</c> under the base URL). Disposing flushes what is pending.
/// </summary>
internal sealed class TelemetryExport : IDisposable
{
    public const string EndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string ProtocolVariable = "OTEL_EXPORTER_OTLP_PROTOCOL";

    private readonly TracerProvider _tracing;
    private readonly MeterProvider _metrics;

    private TelemetryExport(TracerProvider tracing, MeterProvider metrics)
    {
        _tracing = tracing;
        _metrics = metrics;
    }

    /// <summary>Starts exporting when the endpoint variable is set; null otherwise. A bad value is a <see cref="UserError"/>.</summary>
    public static TelemetryExport? Start(CliEnvironment environment)
    {
        var endpoint = environment.GetEnvironmentVariable(EndpointVariable);
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            return null;
        }

        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var baseUri) || (baseUri.Scheme != Uri.UriSchemeHttp && baseUri.Scheme != Uri.UriSchemeHttps))
        {
            throw new UserError($"{EndpointVariable} '{Core.Pipeline.RedactedEndpoint.Of(endpoint)}' is not an absolute http(s) URL (e.g. http://localhost:4317).");
        }

        var protocol = environment.GetEnvironmentVariable(ProtocolVariable) switch
        {
            null or "" or "grpc" => OtlpExportProtocol.Grpc,
            "http/protobuf" => OtlpExportProtocol.HttpProtobuf,
            var other => throw new UserError($"{ProtocolVariable} '{other}' is not supported; use grpc or http/protobuf."),
        };
        var resource = ResourceBuilder.CreateDefault().AddService("multitrust");
        var tracing = Sdk.CreateTracerProviderBuilder()
            .SetResourceBuilder(resource)
            .AddSource([.. MultiTrustTelemetry.ActivitySourceNames])
            .AddOtlpExporter(o => Configure(o, baseUri, protocol, "v1/traces"))
            .Build();
        var metrics = Sdk.CreateMeterProviderBuilder()
            .SetResourceBuilder(resource)
            .AddMeter(MultiTrustTelemetry.MeterName)
            .AddOtlpExporter(o => Configure(o, baseUri, protocol, "v1/metrics"))
            .Build();
        return new TelemetryExport(tracing, metrics);
    }

    public void Dispose()
    {
        _tracing.ForceFlush();
        _metrics.ForceFlush();
        _tracing.Dispose();
        _metrics.Dispose();
    }

    private static void Configure(OtlpExporterOptions options, Uri baseUri, OtlpExportProtocol protocol, string signalPath)
    {
        options.Protocol = protocol;
        // Set in code, the endpoint is used as is: http/protobuf needs the signal's path appended (gRPC takes the base).
        options.Endpoint = protocol == OtlpExportProtocol.HttpProtobuf
            ? new Uri(baseUri.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/" + signalPath)
            : baseUri;
    }
}
