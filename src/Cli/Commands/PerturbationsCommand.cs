using System.Globalization;
using MultiTrust.Cli.Infrastructure;
using MultiTrust.Stages.Perturbation.Images;
using MultiTrust.Stages.Perturbation.Text;
using MultiTrust.Stages.Perturbation.Variants;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MultiTrust.Cli.Commands;

/// <summary><c>multitrust perturbations</c>: every perturbation a pipeline's <c>variants</c> may name, with its parameters per severity.</summary>
public sealed class PerturbationsCommand(CliEnvironment environment) : Command<PerturbationsCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var table = new Table().AddColumns("name", "kind", "output", "severity 1", "severity 3", "severity 5");
        foreach (var p in ImagePerturbationCatalog.All)
        {
            table.AddRow(p.Name, "image", p.NeedsLossless ? "png (lossless)" : p.Name == "jpeg" ? "jpeg (its own quality)" : "jpeg q95",
                Describe(p.Parameters(1)), Describe(p.Parameters(3)), Describe(p.Parameters(5)));
        }

        foreach (var p in TextPerturbationCatalog.All)
        {
            table.AddRow(p.Name, "text", "-", Describe(p.Parameters(1)), Describe(p.Parameters(3)), Describe(p.Parameters(5)));
        }

        foreach (var name in PerturbationVariant.FixedNames)
        {
            table.AddRow(name, name == "text-only" ? "images dropped" : "images replaced", name == "text-only" ? "-" : "png", "-", "-", "-");
        }

        environment.Console.Write(table);
        environment.Console.Line("Use in a pipeline: variants: [gaussian-noise@3, gaussian-blur@2+jpeg@4, unrelated-noise] (docs/perturbations.md).");
        return ExitCodes.Ok;
    }

    private static string Describe(IReadOnlyDictionary<string, double> parameters) =>
        Markup.Escape(string.Join(" ", parameters.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key}={p.Value:0.####}"))));
}
