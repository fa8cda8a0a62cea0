using System.ComponentModel;
using System.Globalization;
using MultiTrust.Cli.Infrastructure;
using MultiTrust.Stages.Judging;
using MultiTrust.Stages.Judging.Validation;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MultiTrust.Cli.Commands;

/// <summary>
/// <c>multitrust judges validate</c>: each rule judge against its labelled gold set (<c>data/judges/gold/</c>) —
/// accuracy, precision, recall, F1 and Cohen's κ — and whether it holds the accuracy floor recorded in
/// <c>floors.json</c>. Exit 1 when a judge is below its floor.
/// </summary>
public sealed class JudgesValidateCommand(CliEnvironment environment) : AsyncCommand<JudgesValidateCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--judge <ID>")]
        [Description("Validate only this judge (default: every judge with a floor).")]
        public string? Judge { get; init; }

        [CommandOption("--show-disagreements")]
        [Description("List every gold record the judge disagrees with.")]
        public bool ShowDisagreements { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var floors = JudgeFloors.Load();
        var ids = settings.Judge is null ? floors.ByJudge.Keys.ToList() : [settings.Judge];
        var table = new Table().AddColumns("judge", "version", "n", "accuracy", "precision", "recall", "F1", "kappa", "floor", "status");
        var failed = 0;
        var details = new List<string>();
        foreach (var id in ids)
        {
            if (!floors.ByJudge.TryGetValue(id, out var floor) || !RuleJudges.TryCreate(id, out var judge))
            {
                throw new UserError($"No gold set or floor for judge '{id}'; validated judges: {string.Join(", ", floors.ByJudge.Keys)} ({floors.Source}).");
            }

            var positive = RuleJudges.PositiveLabel(id);
            var agreement = await GoldSetValidator.ValidateAsync(judge, GoldSet.Load(id), positive, cancellationToken);
            var ok = agreement.Accuracy >= floor;
            failed += ok ? 0 : 1;
            table.AddRow(
                id, Markup.Escape(agreement.JudgeVersion), agreement.N.ToString(CultureInfo.InvariantCulture), F(agreement.Accuracy),
                F(agreement.Precision), F(agreement.Recall), F(agreement.F1),
                F(agreement.Kappa), F(floor), ok ? "[green]ok[/]" : "[red]BELOW FLOOR[/]");
            if (settings.ShowDisagreements || !ok)
            {
                details.AddRange(agreement.Disagreements.Select(d => $"  {id} {d.Id}: gold {d.Gold}, judge {d.Predicted}"));
            }
        }

        environment.Console.Write(table);
        environment.Console.Line("precision/recall/F1 for the positive class (refusal: refused, yesno: yes, leak: leaked); '-' for multi-class judges. kappa: Cohen's, over all labels.");
        foreach (var line in details)
        {
            environment.Console.Line(line);
        }

        return failed == 0 ? ExitCodes.Ok : ExitCodes.Failed;
    }

    private static string F(double value) => double.IsNaN(value) ? "-" : value.ToString("0.000", CultureInfo.InvariantCulture);
}
