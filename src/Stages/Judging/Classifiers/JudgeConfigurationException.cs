namespace MultiTrust.Stages.Judging;

/// <summary>
/// A task needs a judge whose settings are missing or unusable (no endpoint, no model, an API key variable that is not
/// set). Thrown before a run starts, so a task is never silently scored zero. The message names the judge and the
/// setting to provide; it never contains an API key.
/// </summary>
public sealed class JudgeConfigurationException : Exception
{
    public JudgeConfigurationException(string judgeId, string message)
        : base(message)
    {
        JudgeId = judgeId;
    }

    public JudgeConfigurationException(string judgeId, string message, Exception inner)
        : base(message, inner)
    {
        JudgeId = judgeId;
    }

    /// <summary>The judge that is not configured, e.g. <c>harmbench</c>.</summary>
    public string JudgeId { get; }

    /// <summary>
    /// "judge '<paramref name="judgeId"/>' is not configured: <paramref name="settings"/>", e.g.
    /// <c>NotConfigured("harmbench", "set judge_models.harmbench.endpoint and .model in the pipeline file")</c>.
    /// </summary>
    public static JudgeConfigurationException NotConfigured(string judgeId, string settings)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(judgeId);
        ArgumentException.ThrowIfNullOrWhiteSpace(settings);
        return new JudgeConfigurationException(judgeId, $"judge '{judgeId}' is not configured: {settings}");
    }
}
