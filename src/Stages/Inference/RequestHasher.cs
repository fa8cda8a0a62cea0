using MultiTrust.Core.Pipeline;
using MultiTrust.Core.Hashing;
using MultiTrust.Core.Records;

namespace MultiTrust.Stages.Inference;

/// <summary>
/// The identity of a model request, used as the response-cache key and stored as <c>ModelResponse.RequestHash</c>:
/// a hash over provider kind, model name, canonical generation parameters, prompt text, each image's SHA-256 and
/// media type (in order) and the variant id. The sample's reference answer is deliberately not part of it.
/// </summary>
public static class RequestHasher
{
    /// <summary>Bump when the request layout changes, so old cache entries are not reused.</summary>
    public const string Version = "request/v1";

    /// <summary>The 32-character request id.</summary>
    public static string Compute(
        string providerKind,
        string modelName,
        GenerationParameters parameters,
        string prompt,
        IReadOnlyList<ImageRef> images,
        string variantId)
    {
        ArgumentNullException.ThrowIfNull(providerKind);
        ArgumentNullException.ThrowIfNull(modelName);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(variantId);

        var hasher = new ContentHasher()
            .Add(Version)
            .Add(providerKind)
            .Add(modelName)
            .Add(parameters.ToCanonicalString())
            .Add(prompt)
            .Add(images.Count);
        foreach (var image in images)
        {
            hasher.Add(image.Sha256).Add(image.MediaType);
        }

        return hasher.Add(variantId).ToId();
    }

    /// <summary>A stable 64-bit seed derived from a request hash (for <c>ChatPropertyKeys.RequestSeed</c>).</summary>
    public static long SeedOf(string requestHash)
    {
        ArgumentException.ThrowIfNullOrEmpty(requestHash);
        var hex = new ContentHasher().Add("request-seed/v1").Add(requestHash).ToHex();
        return Convert.ToInt64(hex[..16], 16);
    }
}
