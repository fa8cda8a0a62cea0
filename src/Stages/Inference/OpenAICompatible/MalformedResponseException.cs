namespace MultiTrust.Stages.Inference.OpenAICompatible;

/// <summary>A 2xx body that is valid JSON but not a chat completion (no choices, wrong types, an error object).</summary>
internal sealed class MalformedResponseException(string message) : Exception(message);
