using System.Collections.Immutable;
using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;
using MultiTrust.Stages.Tests.Inference.Invoking;

namespace MultiTrust.Stages.Tests.Judging.Protocol;

/// <summary>Samples and responses for the protocol judge tests.</summary>
internal static class ProtocolCases
{
    public static Sample Sample(string? expected = null, string? acceptJson = null)
    {
        var sample = TestSamples.Create(expected: expected);
        return acceptJson is null ? sample : sample with { Metadata = ImmutableDictionary<string, string>.Empty.Add("accept", acceptJson) };
    }

    public static ModelResponse Response(Sample sample, string? text) =>
        new(sample.Id, "clean", "m", "t", "h", ResponseStatus.Answered, text, "stop", null, 1, null, null, 1, false, "");

    public static JudgeVerdict Run(IJudge judge, string? text, string? expected = null, string? acceptJson = null)
    {
        var sample = Sample(expected, acceptJson);
        return judge.JudgeAsync(sample, Response(sample, text), CancellationToken.None).AsTask().GetAwaiter().GetResult();
    }
}
