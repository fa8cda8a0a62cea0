using System.ComponentModel;
using System.Globalization;
using MultiTrust.Cli.Infrastructure;
using MultiTrust.Stages.Judging;
using MultiTrust.Stages.Judging.Validation;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MultiTrust.Cli.Commands;

/// <summary>
/// <c>multitrust judges validate</c>: each rule judge against both parts of its labelled gold set
/// (<c>data/judges/gold/&lt;id&gt;.jsonl</c> for tuning, <c>data/judges/gold/held-out/&lt;id&gt;.jsonl</c> held out) —
/// accuracy, precision, recall, F1, Cohen's κ, how often it said <c>ambiguous</c> — whether each part holds its floor
/// (<c>floors.json</c>), and the confusion per record class (which kinds of records it gets wrong). Exit 1 when a judge
/// is below a floor.
/// </summary>
public sealed class JudgesValidateCommand(CliEnvironment environment) : AsyncCommand<JudgesValidateCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--judge <ID>")]
        [Description("Validate only this judge (default: every judge with a floor).")]
        public string? Judge { get; init; }

        [CommandOption("--part <PART>")]
        [Description("tuning, held-out or both (default both).")]
        public string Part { get; init; } = "both";

        [CommandOption("--all-classes")]
        [Description("List every record class, not only those with a disagreement (the default with --judge).")]
        public bool AllClasses { get; init; }

        [CommandOption("--floors <FILE>")]
        [Description("A floors file to hold the judges to instead of the shipped data/judges/gold/floors.json.")]
        public string? Floors { get; init; }

        [CommandOption("--show-disagreements")]
        [Description("List every gold record the judge disagrees with.")]
        public bool ShowDisagreements { get; init; }

        public override ValidationResult Validate() =>
            Part is "tuning" or "held-out" or "both"
                ? ValidationResult.Success()
                : ValidationResult.Error($"--part must be tuning, held-out or both, not '{Part}'");
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var floors = LoadFloors(settings.Floors);
        var ids = settings.Judge is null ? floors.ByJudge.Keys.ToList() : [settings.Judge];
        GoldPart[] parts = settings.Part switch
        {
            "tuning" => [GoldPart.Tuning],
            "held-out" => [GoldPart.HeldOut],
            _ => [GoldPart.Tuning, GoldPart.HeldOut],
        };
        var allClasses = settings.AllClasses || settings.Judge is not null;
        var table = new Table().AddColumns("judge", "part", "version", "n", "accuracy", "precision", "recall", "F1", "kappa", "ambiguous", "floor", "status");
        var classes = new Table().AddColumns("judge", "part", "class", "n", "agreed", "accuracy", "confusion (gold -> judge)");
        var failed = 0;
        var hiddenClasses = 0;
        var details = new List<string>();
        foreach (var id in ids)
        {
            if (!floors.ByJudge.TryGetValue(id, out var floor) || !RuleJudges.TryCreate(id, out var judge))
            {
                throw new UserError($"No gold set or floor for judge '{id}'; validated judges: {string.Join(", ", floors.ByJudge.Keys)} ({floors.Source}).");
            }

            foreach (var part in parts)
            {
                var partName = GoldSet.PartName(part);
                var agreement = await GoldSetValidator.ValidateAsync(judge, LoadGold(id, part), RuleJudges.PositiveLabel(id), cancellationToken);
                var ok = agreement.Accuracy >= floor.For(part);
                failed += ok ? 0 : 1;
                table.AddRow(
                    Markup.Escape(id), partName, Markup.Escape(agreement.JudgeVersion), Count(agreement.N), F(agreement.Accuracy),
                    F(agreement.Precision), F(agreement.Recall), F(agreement.F1), F(agreement.Kappa), Count(agreement.Ambiguous),
                    F(floor.For(part)), ok ? "[green]ok[/]" : "[red]BELOW FLOOR[/]");
                foreach (var byClass in agreement.Classes)
                {
                    if (!allClasses && byClass.Misses.Count == 0)
                    {
                        hiddenClasses++;
                        continue;
                    }

                    var confusion = string.Join("; ", byClass.Misses.Select(m => $"{m.Gold} -> {m.Predicted} x{m.Count}"));
                    classes.AddRow(
                        Markup.Escape(id), partName, Markup.Escape(byClass.Class), Count(byClass.N), Count(byClass.Agreed),
                        F(byClass.Accuracy), Markup.Escape(confusion.Length == 0 ? "-" : confusion));
                }

                if (settings.ShowDisagreements || !ok)
                {
                    details.AddRange(agreement.Disagreements.Select(d => $"  {id} {partName} {d.Id} [{d.Class}]: gold {d.Gold}, judge {d.Predicted}"));
                }
            }
        }

        environment.Console.Write(table);
        environment.Console.Line("precision/recall/F1 for the positive class (refusal: refused, yesno: yes, leak: leaked, ...); '-' for multi-class judges. " +
            "kappa: Cohen's, over all labels. ambiguous: verdicts the judge could not decide (counted as disagreements). " +
            "Held-out records were never used to develop the judges (docs/judges.md).");
        environment.Console.Line("Per record class:");
        environment.Console.Write(classes);
        if (hiddenClasses > 0)
        {
            environment.Console.Line(string.Create(CultureInfo.InvariantCulture,
                $"{hiddenClasses} class(es) without a disagreement not listed (--all-classes lists them)."));
        }

        foreach (var line in details)
        {
            environment.Console.Line(line);
        }

        return failed == 0 ? ExitCodes.Ok : ExitCodes.Failed;
    }

    private JudgeFloors LoadFloors(string? path)
    {
        try
        {
            return path is null ? JudgeFloors.Load() : JudgeFloors.Load(Path.GetFullPath(path, environment.WorkingDirectory));
        }
        catch (Exception ex) when (ex is FileNotFoundException or InvalidDataException)
        {
            throw new UserError(ex.Message);
        }
    }

    private static GoldSet LoadGold(string id, GoldPart part)
    {
        try
        {
            return GoldSet.Load(id, part);
        }
        catch (Exception ex) when (ex is FileNotFoundException or InvalidDataException)
        {
            throw new UserError(ex.Message);
        }
    }

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string F(double value) => double.IsNaN(value) ? "-" : value.ToString("0.000", CultureInfo.InvariantCulture);
}
