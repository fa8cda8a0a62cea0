using System.ComponentModel;
using MultiTrust.Cli.Infrastructure;
using MultiTrust.Sinks.DuckDb;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MultiTrust.Cli.Commands;

/// <summary><c>multitrust query "SQL"</c>: SQL over the views of every run in the output folder.</summary>
public sealed class QueryCommand(CliEnvironment environment) : AsyncCommand<QueryCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<SQL>")]
        [Description("A DuckDB SQL statement over the views samples, responses, judgments, metrics, scores, runs.")]
        public string Sql { get; init; } = "";

        [CommandOption("--out <DIR>")]
        [Description("Output folder holding runs/ (default: out, as in `run`).")]
        public string Output { get; init; } = "out";

        [CommandOption("--format <FORMAT>")]
        [Description("table (default), csv or json.")]
        public string Format { get; init; } = "table";

        public override ValidationResult Validate() =>
            Format is "table" or "csv" or "json" ? ValidationResult.Success() : ValidationResult.Error($"--format must be table, csv or json, not '{Format}'");
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var outDir = Path.GetFullPath(settings.Output, environment.WorkingDirectory);
        if (!Directory.Exists(Path.Combine(outDir, "runs")))
        {
            throw new UserError($"{outDir} holds no runs (no runs/ folder); run a pipeline first or pass --out DIR.");
        }

        QueryResult result;
        try
        {
            result = await new QueryRunner().RunAsync(outDir, settings.Sql, cancellationToken);
        }
        catch (QueryException e)
        {
            throw new UserError(e.Message, ExitCodes.Failed);
        }

        var writer = new StringWriter();
        var formatter = new QueryResultFormatter(result);
        switch (settings.Format)
        {
            case "csv":
                formatter.WriteCsv(writer);
                break;
            case "json":
                formatter.WriteJson(writer);
                break;
            default:
                formatter.WriteTable(writer);
                break;
        }

        environment.Console.Profile.Out.Writer.Write(writer.ToString());
        environment.Console.Profile.Out.Writer.Flush();
        return ExitCodes.Ok;
    }
}
