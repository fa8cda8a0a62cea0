using System.Collections.Immutable;
using System.Globalization;

namespace MultiTrust.Core.Pipeline;

/// <summary>
/// A perturbation chain declared for a task, applied in order to every sample. Its <see cref="Label"/> (for example
/// <c>gaussian-blur@2+jpeg@4</c>) is the variant id stored on every row of the variant.
/// </summary>
public sealed record VariantChain(ImmutableArray<VariantStep> Steps, SourceLocation Location)
{
    public const int MinSeverity = 1;
    public const int MaxSeverity = 5;

    public string Label => Id ?? string.Join("+", Steps.Select(s => s.Label));

    /// <summary>An explicit variant id (for image-folder variants); null to use the steps' label.</summary>
    public string? Id { get; init; }

    /// <summary>
    /// A folder of replacement images made elsewhere (for example the official adversarial R.4/R.5 files): each image of a
    /// sample is replaced by the file of the same name in this folder. Null for perturbation chains.
    /// </summary>
    public string? ImagesFrom { get; init; }

    /// <summary>
    /// Parses <c>name</c>, <c>name@severity</c> or a chain joined by <c>+</c>. Returns an error message (naming the
    /// offending step) or null.
    /// </summary>
    public static string? TryParse(string text, SourceLocation location, PerturbationNames names, out VariantChain? chain)
    {
        chain = null;
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(names);
        var steps = ImmutableArray.CreateBuilder<VariantStep>();
        foreach (var part in text.Split('+', StringSplitOptions.TrimEntries))
        {
            var at = part.IndexOf('@', StringComparison.Ordinal);
            var name = at < 0 ? part : part[..at];
            int? severity = null;
            if (at >= 0)
            {
                if (!int.TryParse(part[(at + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var s) || s is < MinSeverity or > MaxSeverity)
                {
                    return $"variant step '{part}': the severity after '@' must be a whole number from {MinSeverity} to {MaxSeverity}";
                }

                severity = s;
            }

            var error = names.Check(name, severity);
            if (error is not null)
            {
                return $"variant step '{part}': {error}";
            }

            steps.Add(new VariantStep(name, severity));
        }

        if (steps.Count == 0)
        {
            return "a variant needs at least one perturbation";
        }

        chain = new VariantChain(steps.ToImmutable(), location);
        return null;
    }
}
