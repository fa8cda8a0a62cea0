using MultiTrust.Core.Runs;
using System.ComponentModel;
using System.Globalization;
using MultiTrust.Cli.Composition;
using MultiTrust.Cli.Infrastructure;
using MultiTrust.Core.Contracts;
using MultiTrust.Sinks.Compare;
using MultiTrust.Tasks;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MultiTrust.Cli.Commands;

/// <summary>
/// <c>multitrust compare RUN_A RUN_B</c>: per task metric and score, B − A with CI, p-value and regressions; writes
/// compare.md / compare.json / compare.parquet and prints the Markdown. Exit 1 with <c>--fail-on-regression</c> when a
/// metric regressed significantly.
/// </summary>
public sealed class CompareCommand(CliEnvironment environment) : AsyncCommand<CompareCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<RUN_A>")]
        [Description("The baseline run: run id (under --runs-root) or the path of a run folder.")]
        public string RunA { get; init; } = "";

        [CommandArgument(1, "<RUN_B>")]
        [Description("The run compared against it: run id or run folder.")]
        public string RunB { get; init; } = "";

        [CommandOption("--runs-root <DIR>")]
        [Description("Output folder holding runs/, for run ids (default: out).")]
        public string RunsRoot { get; init; } = "out";

        [CommandOption("--out <DIR>")]
        [Description("Folder for compare.md, compare.json, compare.parquet (default: <runs-root>/compare/<A>_vs_<B>).")]
        public string? Output { get; init; }

        [CommandOption("--alpha <P>")]
        [Description("Significance level of the tests (default: 0.05).")]
        public double Alpha { get; init; } = 0.05;

        [CommandOption("--fail-on-regression")]
        [Description("Exit 1 when any metric regressed significantly.")]
        public bool FailOnRegression { get; init; }

        [CommandOption("--model-a <ID>")]
        [Description("The model of run A to compare (default: the only model, or every model id both runs share).")]
        public string? ModelA { get; init; }

        [CommandOption("--model-b <ID>")]
        [Description("The model of run B to compare.")]
        public string? ModelB { get; init; }

        public override ValidationResult Validate() =>
            Alpha is > 0 and < 1
                ? ValidationResult.Success()
                : ValidationResult.Error(string.Create(CultureInfo.InvariantCulture, $"--alpha must lie strictly between 0 and 1, not {Alpha}"));
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var (outDir, runDirA) = RunFolders.Resolve(environment, settings.RunsRoot, settings.RunA);
        var (_, runDirB) = RunFolders.Resolve(environment, settings.RunsRoot, settings.RunB);
        var catalog = await RunComparisonCatalog.ForRunAsync(runDirA, cancellationToken);
        var options = new RunComparisonOptions { Alpha = settings.Alpha, ModelA = settings.ModelA, ModelB = settings.ModelB };

        RunComparison comparison;
        try
        {
            comparison = await new RunComparer(catalog, options).CompareAsync(runDirA, runDirB, cancellationToken);
        }
        catch (Exception e) when (e is InvalidOperationException or InvalidDataException or DirectoryNotFoundException)
        {
            throw new UserError(e.Message);
        }

        var target = settings.Output is { } output
            ? Path.GetFullPath(output, environment.WorkingDirectory)
            : Path.Combine(outDir, "compare", $"{comparison.RunA}_vs_{comparison.RunB}");
        var files = await new ComparisonWriter().WriteAsync(comparison, target, cancellationToken);

        environment.Console.Line(ComparisonMarkdown.Render(comparison));
        foreach (var row in comparison.Regressions)
        {
            environment.Console.Line(string.Create(
                CultureInfo.InvariantCulture,
                $"regressed: {row.Key} {row.Metric} {row.ValueA:0.###} -> {row.ValueB:0.###} (delta {row.Delta:+0.###;-0.###}, {P(row.PValue)}, model {row.ModelB})"));
        }

        environment.Console.Line($"compare: {files.Markdown}");
        environment.Console.Line($"         {files.Json}");
        environment.Console.Line($"         {files.Parquet}");
        return settings.FailOnRegression && comparison.Regressions.Count > 0 ? ExitCodes.Failed : ExitCodes.Ok;
    }

    private static string P(double? p) =>
        p < 0.0001 ? "p<0.0001" : string.Create(CultureInfo.InvariantCulture, $"p={p:0.####}");
}
