using Microsoft.Extensions.AI;
using MultiTrust.Core.Contracts;

namespace MultiTrust.Stages.Inference.Baselines;

/// <summary>
/// <c>baseline:oracle</c>: answers the sample's reference (<see cref="ChatPropertyKeys.Reference"/> in
/// <c>ChatOptions.AdditionalProperties</c>, set by the model invoker from <c>SampleTarget.Reference</c>). Reaches the
/// ceiling of accuracy tasks. A request without a reference throws <see cref="NotSupportedException"/>, which the
/// invoker records as an error row, never as an answer. Thread-safe.
/// </summary>
public sealed class OracleBaseline : BaselineChatClient
{
    public OracleBaseline()
        : base("baseline:oracle")
    {
    }

    private protected override string Answer(string prompt, ChatOptions? options)
    {
        if (options?.AdditionalProperties is { } properties
            && properties.TryGetValue(ChatPropertyKeys.Reference, out var value)
            && value is not null)
        {
            return value as string ?? value.ToString() ?? string.Empty;
        }

        throw new NotSupportedException(
            $"baseline:oracle needs the sample's reference answer in ChatOptions.AdditionalProperties['{ChatPropertyKeys.Reference}'], " +
            "but the request has none (the sample's Target.Reference is null).");
    }
}
