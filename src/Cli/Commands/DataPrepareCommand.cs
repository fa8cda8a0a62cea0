using System.ComponentModel;
using System.Globalization;
using MultiTrust.Cli.Infrastructure;
using MultiTrust.Sources.Official;
using MultiTrust.Tasks.Privacy.PiiQuery;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MultiTrust.Cli.Commands;

/// <summary>
/// <c>multitrust data prepare --data DIR [--timeout S]</c>: fetches what the official release leaves to be downloaded
/// (the P.4 celebrity photos listed in <c>privacy/celeb/celebrities.csv</c>) into the release folder, once, so that runs
/// never touch the network for data. Photos already present are kept; each missing one is downloaded from its
/// <c>Url</c> and written atomically; <c>privacy/celeb/imgs/manifest.json</c> records the SHA-256 of every photo present.
/// Prints one line per failure (name, URL, reason). Exit 0 when every photo is present, 1 when any failed, 2 for a
/// missing or malformed CSV.
/// </summary>
public sealed class DataPrepareCommand(CliEnvironment environment) : AsyncCommand<DataPrepareCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--data <DIR>")]
        [Description("The release's root folder (holding privacy/, safety/, ...).")]
        public string? Data { get; init; }

        [CommandOption("--timeout <SECONDS>")]
        [Description("Per-photo download limit in seconds (default 30).")]
        [DefaultValue(30.0)]
        public double Timeout { get; init; } = 30;

        public override ValidationResult Validate()
        {
            if (string.IsNullOrWhiteSpace(Data))
            {
                return ValidationResult.Error("--data DIR is required: the release's root folder");
            }

            return Timeout is > 0 and <= 3600 ? ValidationResult.Success() : ValidationResult.Error("--timeout must be between 0 and 3600 seconds");
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var root = Path.GetFullPath(Path.Combine(environment.WorkingDirectory, settings.Data!));
        if (!Directory.Exists(root))
        {
            throw new UserError($"data folder not found: {root}");
        }

        using var http = new HttpClient(environment.CreateHttpHandler(), disposeHandler: true) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        http.DefaultRequestHeaders.UserAgent.ParseAdd("multitrust-data-prepare/1");
        var downloader = new CelebrityImageDownloader(http, TimeSpan.FromSeconds(settings.Timeout), environment.Time);
        IReadOnlyList<CelebrityImageOutcome> outcomes;
        try
        {
            outcomes = await downloader.PrepareAsync(root, cancellationToken);
        }
        catch (AnnotationException e)
        {
            throw new UserError(e.Message);
        }

        var console = environment.Console;
        var failed = outcomes.Where(o => o.Status == CelebrityImageStatus.Failed).ToList();
        foreach (var failure in failed)
        {
            console.MarkupLineInterpolated($"[red]failed:[/] {failure.Name} {failure.Url}: {failure.Reason}");
        }

        console.Line(string.Create(CultureInfo.InvariantCulture,
            $"P.4 celebrity photos: {Count(outcomes, CelebrityImageStatus.Downloaded)} downloaded, {Count(outcomes, CelebrityImageStatus.Present)} already present, {failed.Count} failed"));
        console.Line($"manifest: {OfficialPaths.Combine(root, CelebrityImageManifest.File)}");
        if (failed.Count > 0)
        {
            console.Line("P.4 samples whose photo is missing are reported as input errors; run this command again to retry the failed downloads.");
        }

        return failed.Count == 0 ? ExitCodes.Ok : ExitCodes.Failed;
    }

    private static int Count(IEnumerable<CelebrityImageOutcome> outcomes, CelebrityImageStatus status) => outcomes.Count(o => o.Status == status);
}
