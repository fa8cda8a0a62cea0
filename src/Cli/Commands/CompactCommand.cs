using System.ComponentModel;
using MultiTrust.Cli.Composition;
using MultiTrust.Cli.Infrastructure;
using MultiTrust.Sinks.DuckDb;
using MultiTrust.Sinks.Results;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MultiTrust.Cli.Commands;

/// <summary>
/// <c>multitrust compact RUN</c>: rewrites the run's committed Parquet parts into one part per (table, task) with row
/// groups of 100,000 rows, under the commit protocol (readers switch from the old parts to the new ones at once; a crash
/// leaves either set valid, and running the command again finishes the job), then refreshes <c>catalog.duckdb</c>.
/// </summary>
public sealed class CompactCommand(CliEnvironment environment) : AsyncCommand<CompactCommand.Settings>
{
    public sealed class Settings : RunFolderSettings
    {
        [CommandOption("--row-group-rows <N>")]
        [Description("Rows per row group of the compacted parts (default: 100000).")]
        public int RowGroupRows { get; init; } = CompactionOptions.Default.RowGroupRows;

        public override ValidationResult Validate() => RowGroupRows < 1
            ? ValidationResult.Error($"--row-group-rows must be at least 1 (got {RowGroupRows}).")
            : ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var (outDir, runDir) = RunFolders.Resolve(environment, settings.Output, settings.Run);
        var catalog = new Catalog();
        var options = new CompactionOptions
        {
            RowGroupRows = settings.RowGroupRows,
            BeforeRemoving = ct => catalog.RefreshAsync(outDir, ct),
        };

        CompactionResult result;
        try
        {
            result = await new RunCompactor(options).CompactAsync(runDir, cancellationToken);
        }
        catch (InvalidDataException ex)
        {
            throw new UserError($"Cannot compact {runDir}: {ex.Message}");
        }

        var run = Path.GetFileName(runDir);
        if (result.Generation is null)
        {
            environment.Console.Line($"{run}: already compact ({result.PartsAfter} parts, at most one per table and task); nothing rewritten.");
        }
        else
        {
            environment.Console.Line(
                $"{run}: compacted {result.PartsBefore} parts into {result.PartsAfter} (generation {result.Generation}, " +
                $"{result.RowsRewritten:N0} rows rewritten, {result.FilesRemoved} replaced files removed).");
            environment.Console.Line($"catalog: {Path.Combine(outDir, Catalog.FileName)}");
        }

        return ExitCodes.Ok;
    }
}
