namespace MultiTrust.Stages.Perturbation.Text;

/// <summary>
/// A seeded, deterministic rewrite of a prompt at severity 1 (mild) to 5 (strong). Implementations are pure and
/// thread-safe (stateless): the same text, severity, seed and protected range give the same output on every machine.
/// </summary>
/// <remarks>
/// Protected spans are never changed: every square-bracketed span including its brackets (the protocol's answer
/// instructions such as <c>[Yes] or [No]</c>; an unclosed <c>[</c> protects to the end of the text) and every character
/// from <c>protectedFrom</c> on. At a fixed seed the edits made at severity <c>s</c> are (as far as the perturbation
/// allows) a subset of those made at <c>s + 1</c>, so distortion grows with severity.
/// </remarks>
public interface ITextPerturbation
{
    /// <summary>Stable lower-case name, e.g. <c>typos</c>; part of the variant id of perturbed samples.</summary>
    string Name { get; }

    /// <summary>Bumped whenever the output for some input changes, so cached variants are not reused.</summary>
    int Version { get; }

    /// <summary>The numeric parameters used at <paramref name="severity"/> (for run cards and documentation).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="severity"/> is not 1..5.</exception>
    IReadOnlyDictionary<string, double> Parameters(int severity);

    /// <summary>Perturbs <paramref name="text"/>, leaving bracketed spans and characters from
    /// <paramref name="protectedFrom"/> on untouched.</summary>
    /// <param name="text">The prompt text.</param>
    /// <param name="severity">1..5.</param>
    /// <param name="seed">The variant seed; different seeds give (almost always) different outputs.</param>
    /// <param name="protectedFrom">Index of the first character of a protected suffix (default: none). Values past
    /// the end protect nothing.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="severity"/> is not 1..5, or
    /// <paramref name="protectedFrom"/> is negative.</exception>
    string Apply(string text, int severity, ulong seed, int protectedFrom = int.MaxValue);
}
