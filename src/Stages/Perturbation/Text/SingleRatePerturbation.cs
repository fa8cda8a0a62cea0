using MultiTrust.Core.Randomness;

namespace MultiTrust.Stages.Perturbation.Text;

/// <summary>
/// The shared shape of the text perturbations driven by one probability per severity (<c>typos</c>,
/// <c>homoglyphs</c>, <c>leetspeak</c>, <c>paraphrase</c>): validates the severity, looks up its rate, starts the
/// perturbation's own <see cref="SeededRandom"/> stream (salted with <see cref="Name"/>) and rewrites every
/// editable segment in order with it, copying protected spans verbatim. Stateless and thread-safe.
/// </summary>
public abstract class SingleRatePerturbation : ITextPerturbation
{
    private readonly string _parameter;
    private readonly double[] _rates;

    /// <param name="name">The perturbation's stable name (also the random stream's salt).</param>
    /// <param name="parameter">The rate's name in <see cref="Parameters"/>, e.g. <c>rate</c>.</param>
    /// <param name="rates">The rate at severities 1..5.</param>
    private protected SingleRatePerturbation(string name, string parameter, double[] rates)
    {
        if (rates.Length != 5)
        {
            throw new ArgumentException($"Text perturbation '{name}' needs 5 rates (severities 1..5), got {rates.Length}.", nameof(rates));
        }

        Name = name;
        _parameter = parameter;
        _rates = rates;
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    /// <remarks>2: draws from the shared <c>SeededRandom</c> stream instead of a private SplitMix64 generator.</remarks>
    public virtual int Version => 2;

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, double> Parameters(int severity)
    {
        TextSegments.RequireSeverity(severity);
        return new Dictionary<string, double>(StringComparer.Ordinal) { [_parameter] = _rates[severity - 1] };
    }

    /// <inheritdoc/>
    public string Apply(string text, int severity, ulong seed, int protectedFrom = int.MaxValue)
    {
        TextSegments.RequireSeverity(severity);
        var rate = _rates[severity - 1];
        var random = SeededRandom.ForStream(unchecked((long)seed), Name, 0);
        return TextSegments.Rewrite(text, protectedFrom, segment => RewriteSegment(segment, rate, random));
    }

    /// <summary>Rewrites one editable segment at <paramref name="rate"/>, drawing from the call's shared stream.</summary>
    private protected abstract string RewriteSegment(string segment, double rate, SeededRandom random);
}
