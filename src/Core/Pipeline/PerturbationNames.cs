namespace MultiTrust.Core.Pipeline;

/// <summary>
/// The perturbation names a pipeline may use in <c>variants</c>, for validation: names that take a severity 1–5 and
/// names that take none (unrelated images, text only). Supplied by the host, which knows the perturbation catalogues.
/// </summary>
public sealed record PerturbationNames(IReadOnlyCollection<string> WithSeverity, IReadOnlyCollection<string> WithoutSeverity)
{
    /// <summary>No perturbations known: any <c>variants</c> entry is rejected.</summary>
    public static PerturbationNames None { get; } = new([], []);

    /// <summary>An error message for a step, or null when it is valid.</summary>
    public string? Check(string name, int? severity)
    {
        if (WithSeverity.Contains(name))
        {
            return severity is null ? $"'{name}' needs a severity, e.g. {name}@3 (1 = mild … 5 = strong)" : null;
        }

        if (WithoutSeverity.Contains(name))
        {
            return severity is null ? null : $"'{name}' takes no severity; write just '{name}'";
        }

        return $"unknown perturbation '{name}'; known: {string.Join(", ", WithSeverity.Concat(WithoutSeverity).Order(StringComparer.Ordinal))}";
    }
}
