using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace MultiTrust.Core.Pipeline;

public sealed partial class PipelineLoader
{
    private const string VariantsHelp =
        "'variants' must be a list of perturbations, e.g.\n    variants:\n      - gaussian-noise: [2, 4]\n      - jpeg@5\n      - gaussian-blur@2+jpeg@4\n      - unrelated-color";

    /// <summary>
    /// Reads a task's <c>variants</c>: each entry is a chain string (<c>name</c>, <c>name@severity</c>, steps joined by
    /// <c>+</c>) or a one-key mapping <c>name: [severities]</c> that expands to one variant per severity.
    /// </summary>
    private List<VariantChain> ReadVariants(YamlMappingNode task)
    {
        var result = new List<VariantChain>();
        var node = Get(task, "variants");
        if (node is null)
        {
            return result;
        }

        if (node is not YamlSequenceNode list)
        {
            Problem(node, VariantsHelp);
            return result;
        }

        foreach (var item in list.Children)
        {
            if (item is YamlScalarNode scalar)
            {
                AddChain(result, scalar.Value ?? string.Empty, item);
            }
            else if (item is YamlMappingNode map && map.Children.Count == 1)
            {
                var (key, value) = map.Children.First();
                var name = (key as YamlScalarNode)?.Value ?? string.Empty;
                var severities = value switch
                {
                    YamlSequenceNode seq => seq.Children.Select(c => (c as YamlScalarNode)?.Value).ToList(),
                    YamlScalarNode one => [one.Value],
                    _ => null,
                };
                if (severities is null || severities.Count == 0)
                {
                    Problem(value, $"'{name}' needs a list of severities from {VariantChain.MinSeverity} to {VariantChain.MaxSeverity}, e.g. {name}: [2, 4]");
                    continue;
                }

                foreach (var severity in severities)
                {
                    AddChain(result, string.Create(CultureInfo.InvariantCulture, $"{name}@{severity}"), value);
                }
            }
            else
            {
                Problem(item, VariantsHelp);
            }
        }

        return result;
    }

    private void AddChain(List<VariantChain> result, string text, YamlNode node)
    {
        var error = VariantChain.TryParse(text, Location(node), _perturbations, out var chain);
        if (error is not null)
        {
            Problem(node, error);
        }
        else if (result.Any(c => c.Label == chain!.Label))
        {
            Problem(node, $"variant '{chain!.Label}' is listed twice");
        }
        else
        {
            result.Add(chain!);
        }
    }
}
