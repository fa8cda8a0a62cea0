using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.AI;
using MultiTrust.Core.Contracts;
using MultiTrust.Core.Hashing;

namespace MultiTrust.Stages.Inference.Baselines;

/// <summary>
/// <c>baseline:random</c>: a fair coin per request. A yes/no prompt gets <c>Yes.</c> or <c>No.</c>; any other prompt
/// the comply answer or a refusal, each with probability 1/2. The coin is seeded from the run seed and the request
/// seed (<see cref="ChatPropertyKeys.RequestSeed"/>, or the prompt text when absent), so the same request always gets
/// the same answer in every run with the same seed. Thread-safe.
/// </summary>
public sealed class RandomBaseline : BaselineChatClient
{
    private readonly long _seed;

    /// <param name="seed">The run seed.</param>
    public RandomBaseline(long seed)
        : base("baseline:random")
    {
        _seed = seed;
    }

    private protected override string Answer(string prompt, ChatOptions? options)
    {
        var hasher = new ContentHasher().Add("baseline-random/v1").Add(_seed);
        if (TryGetRequestSeed(options, out var requestSeed))
        {
            hasher.Add("seed").Add(requestSeed);
        }
        else
        {
            hasher.Add("prompt").Add(prompt);
        }

        var heads = (Convert.ToInt32(hasher.ToHex()[..2], 16) & 1) == 1;
        if (BaselineAnswers.IsYesNoPrompt(prompt))
        {
            return heads ? BaselineAnswers.Yes : BaselineAnswers.No;
        }

        return heads ? BaselineAnswers.Comply : BaselineAnswers.RefusalFor(prompt);
    }

    private static bool TryGetRequestSeed(ChatOptions? options, out long seed)
    {
        seed = 0;
        if (options?.AdditionalProperties is not { } properties
            || !properties.TryGetValue(ChatPropertyKeys.RequestSeed, out var value) || value is null)
        {
            return false;
        }

        switch (value)
        {
            case long l:
                seed = l;
                return true;
            case int i:
                seed = i;
                return true;
            case string s when long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed):
                seed = parsed;
                return true;
            case JsonElement { ValueKind: JsonValueKind.Number } e when e.TryGetInt64(out var fromJson):
                seed = fromJson;
                return true;
            default:
                throw new ArgumentException(
                    $"ChatOptions.AdditionalProperties['{ChatPropertyKeys.RequestSeed}'] must be an integer, got {value.GetType().Name}.",
                    nameof(options));
        }
    }
}
