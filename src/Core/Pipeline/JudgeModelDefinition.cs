namespace MultiTrust.Core.Pipeline;

/// <summary>
/// A judge that needs a model or service, configured under <c>judge_models</c> (LLM-as-judge, the HarmBench-style
/// classifier, OpenAI moderation, Perspective). Only its <see cref="Id"/>, <see cref="Model"/> and template are
/// result-relevant; endpoints, keys and limits are operational.
/// </summary>
/// <param name="Id">Judge id: <c>harmbench</c>, <c>moderation</c>, <c>perspective</c> or <c>llm-*</c>.</param>
/// <param name="Endpoint">Base URL of the service.</param>
/// <param name="Model">Pinned model name (the judge's version depends on it).</param>
/// <param name="ApiKeyEnv">Name of the environment variable with the key.</param>
/// <param name="Template">Prompt template file (absolute), for LLM judges and to override the classifier prompt.</param>
/// <param name="Concurrency">Judge calls in flight (its own pool, separate from the model under test).</param>
/// <param name="Timeout">Per-attempt timeout (one HTTP request; a retry gets a fresh one).</param>
public sealed record JudgeModelDefinition(
    string Id,
    string Endpoint,
    string? Model,
    string? ApiKeyEnv,
    string? Template,
    int Concurrency,
    TimeSpan Timeout,
    SourceLocation Location)
{
    /// <summary>
    /// Which OpenAI-compatible API a model-backed judge (<c>harmbench</c>, <c>llm-*</c>) calls: <c>chat</c> (default,
    /// <c>/chat/completions</c>) or <c>completions</c> (<c>/completions</c>, the filled template as a raw prompt, no chat
    /// template: what the official HarmBench classifier was trained on).
    /// </summary>
    public string Api { get; init; } = "chat";

    /// <summary>Retries after the first attempt (<c>retries</c>, default 3).</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>
    /// Time allowed for one whole judge call, retries and waits included (<c>total_timeout</c>); null lets the client
    /// derive it so every attempt may time out and still be retried.
    /// </summary>
    public TimeSpan? TotalTimeout { get; init; }
}
