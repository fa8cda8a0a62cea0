namespace MultiTrust.Stages.Judging.Chains;

/// <summary>A task's verdict chain cannot be built (a configuration problem, reported before anything is sent).</summary>
public sealed class VerdictChainException(string message) : Exception(message);
