namespace MultiTrust.Stages.Resilience;

/// <summary>
/// A 2xx body that is valid JSON but not the answer expected (no choices, wrong types, an error object): a broken
/// exchange, retried like a truncated body.
/// </summary>
internal sealed class MalformedResponseException(string message) : Exception(message);
