using System.Collections.Frozen;

namespace MultiTrust.Stages.Perturbation.Images;

/// <summary>The documented parameter values of one perturbation, one column per parameter, one row per severity.</summary>
internal sealed class SeverityTable
{
    private readonly string _perturbation;
    private readonly FrozenDictionary<string, double>[] _rows;

    public SeverityTable(string perturbation, params (string Name, double[] Values)[] columns)
    {
        _perturbation = perturbation;
        _rows = new FrozenDictionary<string, double>[5];
        for (var s = 0; s < 5; s++)
        {
            _rows[s] = columns.ToFrozenDictionary(c => c.Name, c => c.Values[s], StringComparer.Ordinal);
        }
    }

    public IReadOnlyDictionary<string, double> Row(int severity)
    {
        Check(severity);
        return _rows[severity - 1];
    }

    public double Value(string name, int severity) => Row(severity)[name];

    public void Check(int severity)
    {
        if (severity is < 1 or > 5)
        {
            throw new ArgumentOutOfRangeException(nameof(severity), severity, $"Perturbation '{_perturbation}' has severities 1 to 5.");
        }
    }
}
