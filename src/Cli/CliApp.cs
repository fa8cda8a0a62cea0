using MultiTrust.Cli.Commands;
using MultiTrust.Cli.Infrastructure;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MultiTrust.Cli;

/// <summary>The <c>multitrust</c> command: one class per verb, every dependency injected through <see cref="CliEnvironment"/>.</summary>
public static class CliApp
{
    public static async Task<int> RunAsync(string[] args, CliEnvironment environment)
    {
        var registrar = new TypeRegistrar();
        registrar.RegisterInstance(typeof(CliEnvironment), environment);
        var app = new CommandApp(registrar);
        app.Configure(config =>
        {
            config.SetApplicationName("multitrust");
            config.ConfigureConsole(environment.Console);
            config.UseStrictParsing();
            config.AddCommand<RunCommand>("run")
                .WithDescription("Run a pipeline: generate samples, query the models, judge, write Parquet, the catalog and the report.")
                .WithExample("run", "pipelines/quickstart.yaml")
                .WithExample("run", "pipelines/quickstart.yaml", "--model", "openai-compatible:http://localhost:11434/v1:llava", "--samples", "100")
                .WithExample("run", "pipelines/quickstart.yaml", "--resume");
            config.AddCommand<ValidateCommand>("validate")
                .WithDescription("Check a pipeline file and report every problem with file:line.")
                .WithExample("validate", "pipelines/quickstart.yaml");
            config.AddCommand<ReportCommand>("report")
                .WithDescription("Recompute metrics and scores of a run from its committed rows and write report.md and report.html.")
                .WithExample("report", "quickstart-1a2b3c4d5e6f-20261204T183000Z", "--out", "out");
            config.AddCommand<StatusCommand>("status")
                .WithDescription("Show a run's status and committed rows; for a sharded run every shard's state and which shards are missing. Exit 3 while incomplete.")
                .WithExample("status", "nightly-2026-12-04", "--out", "/data/out");
            config.AddCommand<RejudgeCommand>("rejudge")
                .WithDescription("Judge a run's committed responses again without calling the models under test; commit the new judgments and recompute metrics and the report.")
                .WithExample("rejudge", "quickstart-1a2b3c4d5e6f-20261204T183000Z", "--errors-only")
                .WithExample("rejudge", "quickstart-1a2b3c4d5e6f-20261204T183000Z", "--judge", "harmbench");
            config.AddCommand<CompactCommand>("compact")
                .WithDescription("Rewrite a run's committed Parquet parts into one part per table and task (row groups of 100,000 rows), atomically; then refresh the catalog.")
                .WithExample("compact", "quickstart-1a2b3c4d5e6f-20261204T183000Z", "--out", "out");
            config.AddCommand<QueryCommand>("query")
                .WithDescription("Run SQL over every run in the output folder (views: samples, responses, judgments, judgment_history, metrics, scores, paired, runs).")
                .WithExample("query", "\"SELECT model_id, metric, value FROM metrics WHERE subset = 'all'\"");
            config.AddCommand<ImageCommand>("image")
                .WithDescription("Copy one stored image (by the SHA-256 a query showed) out of the content store into a file.")
                .WithExample("image", "3f2a9c1b7d4e...", "--out", "out", "-o", "worst.png");
            config.AddCommand<CompareCommand>("compare").WithDescription("Compare run B with run A: per task metric and score, delta, 95% CI, p-value and regressions.");
            config.AddCommand<JudgeCommand>("judge")
                .WithDescription("Judge the responses in a JSONL file; writes every record back with label and status added.")
                .WithExample("judge", "--judge", "refusal", "--input", "answers.jsonl", "--out", "judged.jsonl");
            config.AddBranch("judges", judges =>
            {
                judges.SetDescription("Work with judges.");
                judges.AddCommand<JudgesValidateCommand>("validate")
                    .WithDescription("Validate the rule judges against their labelled gold sets; fails when one is below its floor.");
            });
            config.AddBranch("data", data =>
            {
                data.SetDescription("Work with the user's copy of the official MultiTrust data release.");
                data.AddCommand<DataPrepareCommand>("prepare")
                    .WithDescription("Download the P.4 celebrity photos that are missing into the release folder, once, and record their SHA-256 in privacy/celeb/imgs/manifest.json; exit 1 when any failed.")
                    .WithExample("data", "prepare", "--data", "data");
            });
            config.AddBranch("perturbations", perturbations =>
            {
                perturbations.SetDescription("List the perturbations pipelines can use as variants, or draw the contact sheet.");
                perturbations.SetDefaultCommand<PerturbationsCommand>();
                perturbations.AddCommand<ContactSheetCommand>("contact-sheet")
                    .WithDescription("Write a PNG of every image perturbation at severities 1, 3 and 5.")
                    .WithExample("perturbations", "contact-sheet", "--out", "docs/img/perturbations-contact-sheet.png");
            });
            config.AddCommand<TasksCommand>("tasks")
                .WithDescription("List the 32 MultiTrust tasks with aspect, sub-aspect and metric, and which ones run here.");
            config.SetExceptionHandler((exception, _) => ReportException(environment.Console, exception));
        });

        TelemetryExport? export;
        try
        {
            export = TelemetryExport.Start(environment);
        }
        catch (UserError error)
        {
            return ReportException(environment.Console, error);
        }

        using (export)
        {
            return await app.RunAsync(args, environment.Shutdown.Stop);
        }
    }

    private static int ReportException(IAnsiConsole console, Exception exception)
    {
        switch (exception)
        {
            case UserError user:
                console.MarkupLineInterpolated($"[red]error:[/] {user.Message}");
                return user.ExitCode;
            case CommandParseException or CommandRuntimeException:
                console.MarkupLineInterpolated($"[red]error:[/] {exception.Message} (see --help)");
                return ExitCodes.InvalidInput;
            default:
                console.MarkupLineInterpolated($"[red]error:[/] {exception.GetType().Name}: {exception.Message}");
                return ExitCodes.Failed;
        }
    }
}
