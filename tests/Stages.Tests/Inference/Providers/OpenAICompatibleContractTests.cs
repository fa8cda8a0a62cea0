using MultiTrust.Stages.Inference.Http;
using MultiTrust.Stages.Inference.OpenAICompatible;
using MultiTrust.Stages.Resilience;
using MultiTrust.Testing;

namespace MultiTrust.Stages.Tests.Inference.Providers;

/// <summary>The provider fault matrix against the OpenAI chat-completions wire format.</summary>
public sealed class OpenAICompatibleContractTests : ChatProviderContractTests
{
    private protected override HttpChatClient Create(LoopbackModelServer server, ResilienceOptions resilience, string? apiKey = Key, TimeProvider? time = null) =>
        new OpenAICompatibleChatClient(
            new OpenAICompatibleOptions { Endpoints = [server.BaseUrl], Model = "test-model", ApiKey = apiKey, Resilience = resilience },
            time,
            new Random(42));

    protected override string? SentKey(RecordedRequest request) =>
        request.Authorization is { } value && value.StartsWith("Bearer ", StringComparison.Ordinal) ? value["Bearer ".Length..] : null;
}
