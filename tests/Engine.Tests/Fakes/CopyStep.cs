using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;

namespace MultiTrust.Engine.Tests.Fakes;

/// <summary>A chain step that reads an earlier step and repeats its verdict (throws when the input has not been decided).</summary>
internal sealed class CopyStep(string id, string input) : IVerdictStep
{
    private int _calls;

    public string Id => id;

    public string Version => "copy/1";

    public IReadOnlyList<string> Inputs => [input];

    public int Calls => Volatile.Read(ref _calls);

    public ValueTask<JudgeVerdict> JudgeAsync(Sample sample, ModelResponse response, CancellationToken cancellationToken) =>
        throw new InvalidOperationException($"step '{id}' needs the verdict of '{input}'");

    public ValueTask<JudgeVerdict> JudgeAsync(
        Sample sample, ModelResponse response, IReadOnlyDictionary<string, JudgeVerdict> earlier, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        var verdict = earlier.TryGetValue(input, out var found)
            ? found
            : throw new InvalidOperationException($"step '{id}' ran before '{input}' was decided");
        return ValueTask.FromResult(verdict with { Raw = $"copy of {input}: {verdict.Label}" });
    }
}
