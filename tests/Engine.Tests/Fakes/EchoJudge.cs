using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;

namespace MultiTrust.Engine.Tests.Fakes;

/// <summary>Labels the response with its own text; throws for text "boom" to test judge-error rows.</summary>
internal sealed class EchoJudge : IJudge
{
    public string Id => "echo";

    public string Version => "1";

    public ValueTask<JudgeVerdict> JudgeAsync(Sample sample, ModelResponse response, CancellationToken cancellationToken) =>
        response.Text == "boom"
            ? throw new InvalidOperationException("judge exploded")
            : ValueTask.FromResult(new JudgeVerdict(response.Text, 1, JudgmentStatus.Ok, null));
}
