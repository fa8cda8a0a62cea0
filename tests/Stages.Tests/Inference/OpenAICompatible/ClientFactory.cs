using MultiTrust.Stages.Inference.OpenAICompatible;
using MultiTrust.Stages.Resilience;

namespace MultiTrust.Stages.Tests.Inference.OpenAICompatible;

/// <summary>Builds clients with tiny retry delays so resilience tests stay fast.</summary>
internal static class ClientFactory
{
    public const string Model = "test-model";

    /// <summary>Resilience settings with tiny delays (Retry-After pauses are capped by <paramref name="maxDelay"/>).</summary>
    public static ResilienceOptions FastResilience(
        int maxRetries = 3, TimeSpan? requestTimeout = null, TimeSpan? maxDelay = null, int successesPerIncrease = 8) => new()
        {
            RequestTimeout = requestTimeout ?? TimeSpan.FromSeconds(10),
            MaxRetries = maxRetries,
            BaseDelay = TimeSpan.FromMilliseconds(1),
            MaxDelay = maxDelay ?? TimeSpan.FromMilliseconds(20),
            SuccessesPerConcurrencyIncrease = successesPerIncrease,
        };

    public static OpenAICompatibleOptions Options(
        Uri[] endpoints,
        string? apiKey = null,
        int maxConcurrency = 8,
        int maxRetries = 3,
        TimeSpan? requestTimeout = null,
        TimeSpan? maxDelay = null,
        int successesPerIncrease = 8) => new()
        {
            Endpoints = endpoints,
            Model = Model,
            ApiKey = apiKey,
            MaxConcurrency = maxConcurrency,
            Resilience = FastResilience(maxRetries, requestTimeout, maxDelay, successesPerIncrease),
        };

    public static OpenAICompatibleChatClient Create(params Uri[] endpoints) => Create(Options(endpoints));

    public static OpenAICompatibleChatClient Create(OpenAICompatibleOptions options) => new(options, random: new Random(42));
}
