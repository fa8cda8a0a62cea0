using MultiTrust.Cli.Infrastructure;
using MultiTrust.Testing;

namespace MultiTrust.Cli.Tests;

/// <summary>OTLP export happens only when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, and then reaches the collector.</summary>
public sealed class TelemetryExportTests
{
    [Fact]
    public async Task Run_OtlpEndpointSet_ExportsTracesAndMetricsToCollector()
    {
        await using var collector = await LoopbackFileServer.StartAsync();
        using var cli = new CliHarness();
        cli.Environment["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.BaseUrl.ToString();
        cli.Environment["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
        var quickstart = Path.Combine(RepoPaths.Root, "pipelines", "quickstart.yaml");

        var (code, output) = await cli.RunAsync("run", quickstart, "--samples", "3", "--out", "out", "--model", "baseline:oracle");

        Assert.True(code == ExitCodes.Ok, output);
        Assert.True(collector.RequestsFor("v1/metrics") >= 1, "no OTLP metrics export reached the collector");
        Assert.True(collector.RequestsFor("v1/traces") >= 1, "no OTLP trace export reached the collector");
    }

    [Fact]
    public async Task Run_NoEndpointVariable_ExportIsNotConfiguredAtAll()
    {
        using var cli = new CliHarness();
        cli.Environment["OTEL_EXPORTER_OTLP_PROTOCOL"] = "carrier-pigeon"; // Would be refused if export were set up.

        var (code, output) = await cli.RunAsync("tasks");

        Assert.True(code == ExitCodes.Ok, output);
        Assert.DoesNotContain("OTEL_EXPORTER_OTLP", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_BadProtocol_FailsNamingTheVariable()
    {
        using var cli = new CliHarness();
        cli.Environment["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://127.0.0.1:4318";
        cli.Environment["OTEL_EXPORTER_OTLP_PROTOCOL"] = "carrier-pigeon";

        var (code, output) = await cli.RunAsync("tasks");

        Assert.NotEqual(ExitCodes.Ok, code);
        Assert.Contains("OTEL_EXPORTER_OTLP_PROTOCOL 'carrier-pigeon'", output, StringComparison.Ordinal);
    }
}
