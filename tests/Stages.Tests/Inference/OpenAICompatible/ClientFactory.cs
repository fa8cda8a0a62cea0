using MultiTrust.Stages.Inference.OpenAICompatible;

namespace MultiTrust.Stages.Tests.Inference.OpenAICompatible;

/// <summary>Builds clients with tiny retry delays so resilience tests stay fast.</summary>
internal static class ClientFactory
{
    public const string Model = "test-model";

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
            RequestTimeout = requestTimeout ?? TimeSpan.FromSeconds(10),
            MaxRetries = maxRetries,
            BaseDelay = TimeSpan.FromMilliseconds(1),
            MaxDelay = maxDelay ?? TimeSpan.FromMilliseconds(20),
            SuccessesPerConcurrencyIncrease = successesPerIncrease,
        };

    public static OpenAICompatibleChatClient Create(params Uri[] endpoints) => Create(Options(endpoints));

    public static OpenAICompatibleChatClient Create(OpenAICompatibleOptions options) => new(options, random: new Random(42));
}
