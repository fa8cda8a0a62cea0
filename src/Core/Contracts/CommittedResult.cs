using MultiTrust.Core.Records;

namespace MultiTrust.Core.Contracts;

/// <summary>
/// A committed response and the latest committed judgment of each of its verdict steps (keyed by step id), as read back
/// to be judged again without calling the model under test.
/// </summary>
public sealed record CommittedResult(ModelResponse Response, IReadOnlyDictionary<string, Judgment> Judgments);
