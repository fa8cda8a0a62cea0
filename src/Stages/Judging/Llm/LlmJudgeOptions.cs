namespace MultiTrust.Stages.Judging.Llm;

/// <summary>
/// Settings of <see cref="LlmJudge"/>, captured at construction and checked by <see cref="Validate"/>. Exactly one of
/// <see cref="TemplatePath"/> and <see cref="TemplateText"/> is required. Decoding is always greedy (temperature 0).
/// </summary>
public sealed class LlmJudgeOptions
{
    /// <summary>The judge id stored on judgment rows, for example <c>llm-consistency</c>.</summary>
    public string Id { get; init; } = string.Empty;

    /// <summary>The pinned judge model name (a dated snapshot, e.g. <c>gpt-4o-2024-08-06</c>); sent and recorded.</summary>
    public string JudgeModel { get; init; } = string.Empty;

    /// <summary>A template file (see <see cref="JudgeTemplate"/>), e.g. <c>data/judges/templates/consistency-yesno.txt</c>.</summary>
    public string? TemplatePath { get; init; }

    /// <summary>Template text given inline instead of <see cref="TemplatePath"/>.</summary>
    public string? TemplateText { get; init; }

    /// <summary>Maximum judge output tokens (default 16).</summary>
    public int MaxTokens { get; init; } = 16;

    /// <summary>Judge calls in flight at once for this judge (default 8), independent of the model under test.</summary>
    public int MaxConcurrency { get; init; } = 8;

    /// <summary>
    /// Overall time allowed for one judge call including the client's retries (default 5 min). Give it at least the
    /// client's total timeout (<see cref="Resilience.ResilienceOptions.EffectiveTotalTimeout"/>), never one attempt's, or
    /// an attempt cut by its own timeout could not be retried.
    /// </summary>
    public TimeSpan CallTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How the output is read (default <see cref="LlmJudgeParser.YesNo"/>).</summary>
    public LlmJudgeParser Parser { get; init; } = LlmJudgeParser.YesNo;

    /// <summary>The numbers a <see cref="LlmJudgeParser.Score"/> judge may answer (default 0, 25, 50, 75, 100).</summary>
    public IReadOnlyList<double> AllowedScores { get; init; } = [0, 25, 50, 75, 100];

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid field.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Id))
        {
            throw new ArgumentException("LlmJudgeOptions.Id is required (e.g. 'llm-consistency').", nameof(Id));
        }

        if (string.IsNullOrWhiteSpace(JudgeModel))
        {
            throw new ArgumentException($"LlmJudgeOptions.JudgeModel is required for judge '{Id}' (a pinned model name).", nameof(JudgeModel));
        }

        if (string.IsNullOrWhiteSpace(TemplatePath) == string.IsNullOrWhiteSpace(TemplateText))
        {
            throw new ArgumentException(
                $"LlmJudgeOptions for judge '{Id}' need exactly one of TemplatePath and TemplateText.", nameof(TemplatePath));
        }

        if (MaxTokens <= 0)
        {
            throw new ArgumentException($"LlmJudgeOptions.MaxTokens must be > 0 (was {MaxTokens}).", nameof(MaxTokens));
        }

        if (MaxConcurrency <= 0)
        {
            throw new ArgumentException($"LlmJudgeOptions.MaxConcurrency must be > 0 (was {MaxConcurrency}).", nameof(MaxConcurrency));
        }

        if (CallTimeout <= TimeSpan.Zero && CallTimeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentException($"LlmJudgeOptions.CallTimeout must be > 0 (was {CallTimeout}).", nameof(CallTimeout));
        }

        if (!Enum.IsDefined(Parser))
        {
            throw new ArgumentException($"LlmJudgeOptions.Parser '{Parser}' is not a known parser.", nameof(Parser));
        }

        if (Parser == LlmJudgeParser.Score
            && (AllowedScores is null || AllowedScores.Count == 0 || AllowedScores.Any(s => !double.IsFinite(s))))
        {
            throw new ArgumentException(
                "LlmJudgeOptions.AllowedScores must list at least one finite number for the score parser.", nameof(AllowedScores));
        }
    }
}
