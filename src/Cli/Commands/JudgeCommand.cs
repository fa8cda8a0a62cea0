using System.ComponentModel;
using System.Globalization;
using System.Text;
using MultiTrust.Cli.Composition;
using MultiTrust.Cli.Judging;
using MultiTrust.Cli.Infrastructure;
using MultiTrust.Core.Contracts;
using MultiTrust.Core.Pipeline;
using MultiTrust.Stages.Judging;
using MultiTrust.Stages.Judging.Records;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MultiTrust.Cli.Commands;

/// <summary>
/// <c>multitrust judge --judge ID --input FILE [--format jsonl|csv|parquet] [--out FILE]</c>: judges arbitrary responses
/// with the same judge code pipelines run. The input is JSONL, CSV or Parquet (<see cref="JudgeInputFiles"/>); every
/// record is written back as a JSONL line with all its fields plus <c>label</c>, <c>status</c> and <c>judge_version</c>;
/// malformed records are reported with their line (or row) and skipped, the rest is still judged.
/// </summary>
public sealed class JudgeCommand(CliEnvironment environment) : AsyncCommand<JudgeCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--judge <ID>")]
        [Description("Judge id: a rule judge (refusal, yesno, choice, number, contains, ...), or a judge configured in --pipeline or --judge-model (harmbench, longformer, moderation, perspective, llm-*).")]
        public string Judge { get; init; } = "";

        [CommandOption("--input <FILE>")]
        [Description("Input records with 'response' and the judge's target fields (target, secrets, options, accept, prompt): JSONL (one object per line), CSV (a header row; list fields as a JSON array) or Parquet, by the extension or --format.")]
        public string Input { get; init; } = "";

        [CommandOption("--format <FORMAT>")]
        [Description("jsonl, csv or parquet (default: by the input's extension: .csv, .parquet, anything else JSONL).")]
        public string? Format { get; init; }

        [CommandOption("--out <FILE>")]
        [Description("Output JSONL (default: <input>.judged.jsonl beside the input). Written to a temporary name and renamed when complete.")]
        public string? Output { get; init; }

        [CommandOption("--pipeline <FILE>")]
        [Description("A pipeline file whose judge_models section configures model-backed judges.")]
        public string? Pipeline { get; init; }

        [CommandOption("--judge-model <ID=SPEC>")]
        [Description("Set or add judge_models.ID (over --pipeline, if given): ENDPOINT:MODEL or openai-compatible:ENDPOINT:MODEL (perspective: ENDPOINT). Repeatable.")]
        public string[] JudgeModels { get; init; } = [];

        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(Judge) ? ValidationResult.Error("--judge is required (see --help for the ids)")
            : string.IsNullOrWhiteSpace(Input) ? ValidationResult.Error("--input is required")
            : Format is not (null or "jsonl" or "csv" or "parquet") ? ValidationResult.Error($"--format must be jsonl, csv or parquet, not '{Format}'")
            : ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var input = Path.GetFullPath(settings.Input, environment.WorkingDirectory);
        if (!File.Exists(input))
        {
            throw new UserError($"The input file '{settings.Input}' does not exist (looked for {input}).");
        }

        var output = Path.GetFullPath(settings.Output ?? Path.ChangeExtension(input, null) + ".judged.jsonl", environment.WorkingDirectory);
        await using var configured = await ConfiguredJudgesFor(settings);
        var judge = ResolveJudge(settings.Judge, configured);

        var temp = output + ".tmp-" + Guid.NewGuid().ToString("N")[..8];
        var errors = new StringWriter(CultureInfo.InvariantCulture);
        JsonlJudgeSummary summary;
        try
        {
            var format = settings.Format switch
            {
                "csv" => JudgeInputFormat.Csv,
                "parquet" => JudgeInputFormat.Parquet,
                "jsonl" => JudgeInputFormat.Jsonl,
                _ => JudgeInputFiles.FormatOf(input),
            };
            await using (var writer = new StreamWriter(temp, false, new UTF8Encoding(false)))
            {
                var records = JudgeInputFiles.ReadAsync(input, settings.Input, format, cancellationToken);
                summary = await JsonlJudgeRunner.RunAsync(judge, records, writer, errors, cancellationToken);
            }

            File.Move(temp, output, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }

        foreach (var line in errors.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            environment.Console.Line($"error: {line}");
        }

        environment.Console.Line(string.Create(CultureInfo.InvariantCulture,
            $"judged {summary.Judged} record(s) with {judge.Id} ({judge.Version}): ok {summary.Ok}, ambiguous {summary.Ambiguous}, " +
            $"unparseable {summary.Unparseable}, judge_error {summary.JudgeError}, skipped {summary.Skipped}; malformed lines skipped: {summary.Malformed}"));
        environment.Console.Line($"output: {output}");
        return summary.Malformed > 0 ? ExitCodes.InvalidInput : ExitCodes.Ok;
    }

    private async Task<ConfiguredJudges?> ConfiguredJudgesFor(Settings settings)
    {
        if (settings.Pipeline is null && settings.JudgeModels.Length == 0)
        {
            return null;
        }

        var overrides = new PipelineOverrides([], null, null, null, null) { JudgeModels = settings.JudgeModels };
        var pipeline = new PipelineDefinition(
            "judge", null, 0, environment.WorkingDirectory, null, [], [], [], Cache: false, Report: false, "--judge-model");
        if (settings.Pipeline is not null)
        {
            var result = PipelineFiles.Load(environment, settings.Pipeline, overrides.ProvidedJudgeModelIds());
            if (!result.IsValid)
            {
                PipelineFiles.PrintProblems(environment.Console, result);
                throw new UserError($"The pipeline file '{settings.Pipeline}' is invalid.");
            }

            pipeline = result.Definition!;
        }

        return await ConfiguredJudges.CreateAsync(overrides.ApplyTo(pipeline, environment.WorkingDirectory), environment);
    }

    private static IJudge ResolveJudge(string id, ConfiguredJudges? configured)
    {
        if (RuleJudges.TryCreate(id, out var rule))
        {
            return rule;
        }

        if (configured is not null && configured.ById.TryGetValue(id, out var judge))
        {
            return judge;
        }

        if (configured is not null && configured.IsConfigured(id))
        {
            throw new UserError(
                $"Judge model '{id}' has no prompt template of its own; set judge_models.{id}.template in the --pipeline file.");
        }

        if (JudgeModelRules.IsConfigurable(id))
        {
            throw new UserError($"{JudgeModelRules.NotConfigured(id)}; pass it with --pipeline FILE or --judge-model.");
        }

        throw new UserError(
            $"Unknown judge '{id}'. Rule judges: {string.Join(", ", RuleJudges.Ids)}; model-backed (need --pipeline with judge_models, " +
            $"or --judge-model): {string.Join(", ", JudgeModelRules.FixedIds)}, llm-<name>.");
    }
}
