using System.Globalization;
using MultiTrust.Cli.Infrastructure;
using MultiTrust.Core.Contracts;
using MultiTrust.Tasks;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MultiTrust.Cli.Commands;

/// <summary>
/// <c>multitrust tasks</c>: the 32 MultiTrust tasks, which run in this version on which source, and each synthetic
/// generator's distinct-sample space (the most samples a run may ask for).
/// </summary>
public sealed class TasksCommand(CliEnvironment environment) : Command<TasksCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
    }

    private static string Runs(TaskCatalogEntry entry, string suite) => entry.Suites.Contains(suite) ? "[green]yes[/]" : "no";

    // The synthetic column shows the generator's distinct-sample space: the largest count a run may ask for.
    private static string Synthetic(TaskCatalog catalog, TaskCatalogEntry entry) =>
        catalog.TryGet(entry.Info.Id, TaskSuites.Synthetic, out var task) && task.SampleCapacity is { } capacity
            ? $"[green]yes[/] ({capacity.ToString("N0", CultureInfo.InvariantCulture)})"
            : Runs(entry, TaskSuites.Synthetic);

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var catalog = new TaskCatalog();
        var entries = catalog.Entries;
        var table = new Table().AddColumns("id", "no.", "aspect", "sub-aspect", "title", "metric", "official", "synthetic (distinct samples)", "coverage");
        foreach (var entry in entries)
        {
            table.AddRow(
                Markup.Escape(entry.Info.Id), Markup.Escape(entry.Info.ProtocolId), Markup.Escape(entry.Info.Aspect),
                Markup.Escape(entry.Info.SubAspect), Markup.Escape(entry.Info.Title), Markup.Escape(string.Join(", ", entry.ReportedMetrics)),
                Runs(entry, TaskSuites.Official), Synthetic(catalog, entry), Markup.Escape(entry.Coverage));
        }

        environment.Console.Write(table);
        environment.Console.Line(
            $"{entries.Count(e => e.Suites.Contains(TaskSuites.Official))} of {entries.Count} tasks runnable with the official source " +
            $"(source: official, --data DIR); {entries.Count(e => e.Suites.Contains(TaskSuites.Synthetic))} of {entries.Count} with the synthetic source.");
        return ExitCodes.Ok;
    }
}
