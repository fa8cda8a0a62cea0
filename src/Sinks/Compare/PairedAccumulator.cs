namespace MultiTrust.Sinks.Compare;

/// <summary>Streaming state of one paired group: the 2×2 counts while every score is 0/1, and Welford moments of B − A.</summary>
internal sealed class PairedAccumulator
{
    private long _n;
    private long _a;
    private long _b;
    private long _c;
    private long _d;
    private bool _allBinary = true;
    private double _sumA;
    private double _sumB;
    private double _meanDiff;
    private double _m2Diff;

    public long UnmatchedCandidates { get; set; }

    public void Add(double reference, double candidate)
    {
        _n++;
        _sumA += reference;
        _sumB += candidate;
        var diff = candidate - reference;
        var delta = diff - _meanDiff;
        _meanDiff += delta / _n;
        _m2Diff += delta * (diff - _meanDiff);
        if (_allBinary && IsBinary(reference) && IsBinary(candidate))
        {
            switch ((reference == 1, candidate == 1))
            {
                case (true, true): _a++; break;
                case (true, false): _b++; break;
                case (false, true): _c++; break;
                default: _d++; break;
            }
        }
        else
        {
            _allBinary = false;
        }
    }

    public ComparisonResult? ToComparison()
    {
        if (_n == 0)
        {
            return null;
        }

        return _allBinary
            ? PairedBinaryComparison.Compute(new PairedCounts(_a, _b, _c, _d))
            : PairedMeanComparison.Compute(_n, _sumA / _n, _sumB / _n, _n > 1 ? _m2Diff / (_n - 1) : 0);
    }

    private static bool IsBinary(double score) => score is 0 or 1;
}
