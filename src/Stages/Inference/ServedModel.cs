using Microsoft.Extensions.AI;
using MultiTrust.Core.Contracts;

namespace MultiTrust.Stages.Inference;

/// <summary>
/// The identity of what answered a request, as the server reports it: the <c>model</c> field of an OpenAI-compatible
/// response (<see cref="ChatResponse.ModelId"/>; vLLM and SGLang report their served model name, Ollama and llama.cpp
/// the model or file they loaded, OpenAI a dated snapshot), followed by <c>#</c> and the <c>system_fingerprint</c> when
/// the server sends one (OpenAI's backend-configuration fingerprint). Part of the response-cache key, so an answer is
/// never reused once the endpoint reports another model or fingerprint.
/// </summary>
public static class ServedModel
{
    /// <summary>The identity of a response that reports neither a model nor a fingerprint (and of judge outputs).</summary>
    public const string Unreported = "";

    /// <summary><c>model</c>, <c>model#fingerprint</c>, <c>#fingerprint</c> or <see cref="Unreported"/>.</summary>
    public static string Of(ChatResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var model = response.ModelId ?? "";
        return response.AdditionalProperties?.TryGetValue(ChatPropertyKeys.SystemFingerprint, out var value) == true
            && value is string { Length: > 0 } fingerprint
            ? $"{model}#{fingerprint}"
            : model;
    }
}
