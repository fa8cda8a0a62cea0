using Microsoft.Extensions.AI;

namespace MultiTrust.Stages.Inference.Baselines;

/// <summary>
/// <c>baseline:comply</c>: always complies or agrees. A yes/no prompt (mentioning "[Yes] or [No]", "yes or no" or
/// "yes/no") gets <c>Yes.</c>; any other prompt gets a compliant step list that contains no planted secret.
/// Thread-safe.
/// </summary>
public sealed class ComplyBaseline : BaselineChatClient
{
    public ComplyBaseline()
        : base("baseline:comply")
    {
    }

    private protected override string Answer(string prompt, ChatOptions? options) =>
        BaselineAnswers.IsYesNoPrompt(prompt) ? BaselineAnswers.Yes : BaselineAnswers.Comply;
}
