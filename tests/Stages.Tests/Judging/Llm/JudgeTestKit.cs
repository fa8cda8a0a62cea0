using System.Collections.Immutable;
using MultiTrust.Core.Records;
using MultiTrust.Stages.Inference.OpenAICompatible;
using MultiTrust.Stages.Resilience;

namespace MultiTrust.Stages.Tests.Judging.Llm;

/// <summary>Samples, responses and fast-retrying clients for the LLM and classifier judge tests.</summary>
internal static class JudgeTestKit
{
    public static Sample Sample(
        string prompt = "What is 2+2?", string? expected = "4", string? behavior = null, IReadOnlyDictionary<string, string>? metadata = null)
    {
        var fields = ImmutableDictionary.CreateRange(StringComparer.Ordinal, metadata ?? ImmutableDictionary<string, string>.Empty);
        var metadataWithBehavior = behavior is null ? fields : fields.SetItem("behavior", behavior);
        var target = new SampleTarget(expected, [], null);
        var id = SampleIds.Of("t4-assistance", "text", prompt, [], target);
        return new Sample(id, "t4-assistance", "truthfulness", "T.M", "text", prompt, [], target, metadataWithBehavior);
    }

    public static ModelResponse Response(string? text) =>
        new("s", "clean", "m", "t", "h", text is null ? ResponseStatus.Error : ResponseStatus.Answered, text, "stop", null, 1, null, null, 1, false, "");

    public static OpenAICompatibleChatClient Client(Uri endpoint, int maxRetries = 2, int maxConcurrency = 16) =>
        new(
            new OpenAICompatibleOptions
            {
                Endpoints = [endpoint],
                Model = "client-default-model",
                MaxConcurrency = maxConcurrency,
                Resilience = new ResilienceOptions
                {
                    MaxRetries = maxRetries,
                    RequestTimeout = TimeSpan.FromSeconds(10),
                    BaseDelay = TimeSpan.FromMilliseconds(1),
                    MaxDelay = TimeSpan.FromMilliseconds(5),
                },
            },
            random: new Random(7));
}
