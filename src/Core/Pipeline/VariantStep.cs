using System.Globalization;

namespace MultiTrust.Core.Pipeline;

/// <summary>One step of a variant chain: a perturbation name and its severity (1–5), or no severity for kinds that have none (for example <c>unrelated-color</c>).</summary>
public sealed record VariantStep(string Name, int? Severity)
{
    /// <summary><c>name@severity</c>, or the bare name.</summary>
    public string Label => Severity is { } s ? string.Create(CultureInfo.InvariantCulture, $"{Name}@{s}") : Name;
}
