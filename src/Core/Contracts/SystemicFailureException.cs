namespace MultiTrust.Core.Contracts;

/// <summary>
/// A failure that is not about one record but about the run (for example the response cache or the output can no
/// longer be written). Stages throw it instead of emitting a per-record row; the engine lets it stop the run, after
/// which everything already committed stays intact and the same command resumes.
/// </summary>
public sealed class SystemicFailureException(string message, Exception? inner = null) : Exception(message, inner);
