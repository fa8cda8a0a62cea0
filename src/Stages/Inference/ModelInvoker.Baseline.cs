using MultiTrust.Core.Contracts;
using MultiTrust.Stages.Inference.Baselines;

namespace MultiTrust.Stages.Inference;

public sealed partial class ModelInvoker
{
    /// <summary>
    /// An invoker for a calibration baseline (<c>baseline:refuse|comply|random|oracle</c>): model id and model name are
    /// the spec, provider kind <c>baseline</c>, no response cache (baselines cost nothing to re-run).
    /// </summary>
    /// <exception cref="ArgumentException">The spec is not a known baseline.</exception>
    public static ModelInvoker ForBaseline(
        string providerSpec,
        long seed,
        IBlobStore blobs,
        int maxConcurrency = 64,
        ImageDataUriCache? imageCache = null,
        TimeProvider? timeProvider = null)
    {
        var client = Baselines.Baselines.Create(providerSpec, seed);
        var spec = providerSpec.Trim().ToLowerInvariant();
        var options = new ModelInvokerOptions
        {
            ModelId = spec,
            ProviderKind = ModelInvokerOptions.BaselineProviderKind,
            ModelName = spec,
            MaxConcurrency = maxConcurrency,
            UseCache = false,
        };
        return new ModelInvoker(client, options, blobs, cache: null, imageCache, timeProvider);
    }
}
