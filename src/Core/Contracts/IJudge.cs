using MultiTrust.Core.Records;

namespace MultiTrust.Core.Contracts;

/// <summary>
/// Reads one response and returns a verdict. Implementations must be thread-safe (the engine calls them concurrently)
/// and must never throw for a bad response: an unreadable answer is <see cref="JudgmentStatus.Unparseable"/>, an
/// undecidable one <see cref="JudgmentStatus.Ambiguous"/>. The engine does not call a judge for failed responses
/// (<see cref="ResponseStatusNames.HasText"/> false); it records <see cref="JudgmentStatus.Skipped"/> itself.
/// </summary>
public interface IJudge
{
    /// <summary>Stable id, for example <c>refusal</c>, <c>yesno</c>, <c>leak</c>.</summary>
    string Id { get; }

    /// <summary>Version of the judge's rules or prompt; stored on every judgment row.</summary>
    string Version { get; }

    ValueTask<JudgeVerdict> JudgeAsync(Sample sample, ModelResponse response, CancellationToken cancellationToken);
}
