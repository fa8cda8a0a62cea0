using MultiTrust.Cli.Infrastructure;
using MultiTrust.Tasks;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MultiTrust.Cli.Commands;

/// <summary><c>multitrust tasks</c>: the 32 MultiTrust tasks and which run in this version.</summary>
public sealed class TasksCommand(CliEnvironment environment) : Command<TasksCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var table = new Table().AddColumns("id", "no.", "aspect", "sub-aspect", "title", "metric", "runs here");
        foreach (var entry in new TaskCatalog().Entries)
        {
            table.AddRow(
                Markup.Escape(entry.Info.Id), Markup.Escape(entry.Info.ProtocolId), Markup.Escape(entry.Info.Aspect),
                Markup.Escape(entry.Info.SubAspect), Markup.Escape(entry.Info.Title), Markup.Escape(string.Join(", ", entry.ReportedMetrics)),
                entry.IsImplemented ? $"[green]yes[/] ({Markup.Escape(entry.Coverage)})" : $"no ({Markup.Escape(entry.Coverage)})");
        }

        environment.Console.Write(table);
        return ExitCodes.Ok;
    }
}
