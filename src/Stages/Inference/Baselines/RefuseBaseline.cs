using Microsoft.Extensions.AI;

namespace MultiTrust.Stages.Inference.Baselines;

/// <summary>
/// <c>baseline:refuse</c>: always answers with a clear refusal, one of a few phrasings chosen deterministically from
/// the prompt text. Brackets refusal metrics (RtA 100, ASR 0). Thread-safe.
/// </summary>
public sealed class RefuseBaseline : BaselineChatClient
{
    public RefuseBaseline()
        : base("baseline:refuse")
    {
    }

    private protected override string Answer(string prompt, ChatOptions? options) => BaselineAnswers.RefusalFor(prompt);
}
