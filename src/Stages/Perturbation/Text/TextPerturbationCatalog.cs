using System.Diagnostics.CodeAnalysis;

namespace MultiTrust.Stages.Perturbation.Text;

/// <summary>The shipped text perturbations by name: <c>typos</c>, <c>casing</c>, <c>whitespace</c>,
/// <c>homoglyphs</c>, <c>leetspeak</c>, <c>paraphrase</c>. Immutable and thread-safe.</summary>
public static class TextPerturbationCatalog
{
    /// <summary>Every shipped perturbation, in documentation order.</summary>
    public static IReadOnlyList<ITextPerturbation> All { get; } =
    [
        new TypoPerturbation(),
        new CasingPerturbation(),
        new WhitespacePerturbation(),
        new HomoglyphPerturbation(),
        new LeetspeakPerturbation(),
        new ParaphrasePerturbation(),
    ];

    /// <summary>The names of <see cref="All"/>, in the same order.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. All.Select(p => p.Name)];

    /// <summary>Finds a perturbation by exact (ordinal) name.</summary>
    public static bool TryGet(string name, [MaybeNullWhen(false)] out ITextPerturbation perturbation)
    {
        ArgumentNullException.ThrowIfNull(name);
        perturbation = All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal));
        return perturbation is not null;
    }

    /// <summary>Finds a perturbation by name, or throws an <see cref="ArgumentException"/> listing the valid names.</summary>
    public static ITextPerturbation Get(string name) =>
        TryGet(name, out var perturbation)
            ? perturbation
            : throw new ArgumentException($"Unknown text perturbation '{name}'; valid names: {string.Join(", ", Names)}.", nameof(name));
}
