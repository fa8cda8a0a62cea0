namespace MultiTrust.Core.Contracts;

/// <summary>
/// Per-task generation settings as the protocol sets them: <c>max_new_tokens</c> of the task YAML (the reference
/// runner's default is 50) and greedy decoding. A pipeline may override them per task; a model's own
/// <c>generation.max_tokens</c> caps them.
/// </summary>
/// <param name="MaxTokens">Maximum new tokens.</param>
public sealed record TaskGenerationSettings(int MaxTokens)
{
    /// <summary>The reference runner's default when a task YAML sets none.</summary>
    public static TaskGenerationSettings RunnerDefault { get; } = new(50);
}
