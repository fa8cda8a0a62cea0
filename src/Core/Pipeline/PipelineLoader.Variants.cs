using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace MultiTrust.Core.Pipeline;

public sealed partial class PipelineLoader
{
    private const string VariantsHelp =
        "'variants' must be a list of perturbations, e.g.\n    variants:\n      - gaussian-noise: [2, 4]\n      - jpeg@5\n      - gaussian-blur@2+jpeg@4\n      - unrelated-color\n      - { id: adv-untarget, images_from: adversarial/untarget }";

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
            else if (item is YamlMappingNode folder && Get(folder, "images_from") is not null)
            {
                AddFolderVariant(result, folder);
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

    /// <summary><c>{ id: adv-untarget, images_from: DIR }</c>: images replaced by same-named files made elsewhere.</summary>
    private void AddFolderVariant(List<VariantChain> result, YamlMappingNode map)
    {
        const string where = "an images_from variant";
        CheckKeys(map, ["id", "images_from"], where);
        var id = Scalar(map, "id", where);
        var folder = Scalar(map, "images_from", where);
        if (id is null || !IsSafeName(id) || id.Contains('@', StringComparison.Ordinal) || id == "clean")
        {
            Problem(map, $"{where} needs an 'id' of letters, digits, '-', '_' or '.' (not 'clean'), e.g. id: adv-untarget");
            return;
        }

        var full = Path.GetFullPath(folder ?? string.Empty, Path.GetDirectoryName(Path.GetFullPath(_file)) ?? ".");
        if (folder is null || !Directory.Exists(full))
        {
            Problem(Get(map, "images_from") ?? map, $"images_from: folder not found: {full}");
            return;
        }

        if (result.Any(c => c.Label == id))
        {
            Problem(map, $"variant '{id}' is listed twice");
            return;
        }

        result.Add(new VariantChain([new VariantStep("images-from", null)], Location(map)) { Id = id, ImagesFrom = full });
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
