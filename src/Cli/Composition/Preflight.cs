using MultiTrust.Cli.Infrastructure;
using MultiTrust.Core.Pipeline;

namespace MultiTrust.Cli.Composition;

/// <summary>Checks made before any request is sent: the output folder is writable and every endpoint answers.</summary>
internal static class Preflight
{
    public static void CheckOutputWritable(string output, SourceLocation location)
    {
        try
        {
            Directory.CreateDirectory(output);
            var probe = Path.Combine(output, $".write-probe-{Environment.ProcessId}");
            File.WriteAllText(probe, "probe");
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserError(
                $"The output folder '{output}' (set by 'output' in {location} or --out) cannot be written: {e.Message}. " +
                "Choose a folder you can write to with --out DIR. Nothing was run and earlier results were not touched.",
                ExitCodes.Failed);
        }
    }

    /// <summary>
    /// Opens a connection to every endpoint of every non-baseline model and of every configured judge (<c>judge_models</c>).
    /// Any HTTP-level answer counts as reachable; a refused connection, DNS failure or timeout stops the run before it starts.
    /// </summary>
    public static async Task CheckEndpointsAsync(PipelineDefinition pipeline, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        foreach (var model in pipeline.Models.Where(m => !m.IsBaseline))
        {
            foreach (var endpoint in model.Endpoints)
            {
                await ProbeAsync(http, endpoint, $"model '{model.Id}' ({model.Location})", cancellationToken);
            }
        }

        foreach (var judge in pipeline.JudgeModels)
        {
            await ProbeAsync(http, judge.Endpoint, $"judge '{judge.Id}' (judge_models.{judge.Id}, {judge.Location})", cancellationToken);
        }
    }

    private static async Task ProbeAsync(HttpClient http, string endpoint, string owner, CancellationToken cancellationToken)
    {
        var url = endpoint.TrimEnd('/') + "/models";
        try
        {
            using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            var cause = e is TaskCanceledException ? "no answer within 5 s" : e.InnerException?.Message ?? e.Message;
            throw new UserError(
                $"The endpoint {RedactedEndpoint.Of(endpoint)} of {owner} is unreachable: {cause}. " +
                "Start the server or fix the URL (it should be the base URL, e.g. ending in /v1). Nothing was sent and earlier results were not touched.",
                ExitCodes.Failed);
        }
    }
}
