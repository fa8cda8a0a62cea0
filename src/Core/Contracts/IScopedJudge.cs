using MultiTrust.Core.Records;

namespace MultiTrust.Core.Contracts;

/// <summary>A chain step that applies to some samples only (for example one subset); elsewhere it writes no row.</summary>
public interface IScopedJudge
{
    bool AppliesTo(Sample sample);
}
