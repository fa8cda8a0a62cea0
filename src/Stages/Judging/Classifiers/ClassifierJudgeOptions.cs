using MultiTrust.Core.Pipeline;
using MultiTrust.Stages.Inference.OpenAICompatible;
using MultiTrust.Stages.Resilience;

namespace MultiTrust.Stages.Judging.Classifiers;

/// <summary>
/// Settings of an HTTP judge (<see cref="HarmfulnessClassifierJudge"/>, <see cref="ModerationJudge"/>,
/// <see cref="PerspectiveJudge"/>, <see cref="LongformerJudge"/>; also usable for an <see cref="Llm.LlmJudge"/>'s client), one
/// <c>judge_models.&lt;id&gt;</c> section of the pipeline file. The API key is never stored here: only the name of the
/// environment variable that holds it.
/// </summary>
public sealed class ClassifierJudgeOptions
{
    /// <summary>Base URL: <c>http://host:8000/v1</c> (HarmBench, chat completions), <c>https://api.openai.com/v1</c>
    /// (moderation), <c>https://commentanalyzer.googleapis.com</c> (Perspective); for Longformer the full classification URL
    /// (e.g. <c>https://api-inference.huggingface.co/models/LibrAI/longformer-action-ro</c>).</summary>
    public Uri? Endpoint { get; init; }

    /// <summary>Pinned model name (HarmBench classifier, moderation model, Longformer classifier); unused by Perspective.</summary>
    public string? Model { get; init; }

    /// <summary>
    /// HarmBench and LLM judges: <see cref="OpenAICompatibleApi.Chat"/> (default, <c>/chat/completions</c>) or
    /// <see cref="OpenAICompatibleApi.Completions"/> (<c>/completions</c>, the filled template sent as a raw prompt with no
    /// chat template, as the official HarmBench classifier expects). Unused by moderation and Perspective.
    /// </summary>
    public OpenAICompatibleApi Api { get; init; } = OpenAICompatibleApi.Chat;

    /// <summary>Name of the environment variable holding the API key (e.g. <c>OPENAI_API_KEY</c>), or null.</summary>
    public string? ApiKeyEnvironmentVariable { get; init; }

    /// <summary>HarmBench only: the classifier prompt file (default: the shipped <c>data/judges/templates/harm-classifier.txt</c>).</summary>
    public string? TemplatePath { get; init; }

    /// <summary>Requests in flight at once for this judge (default 8); its own connection pool is sized to it.</summary>
    public int MaxConcurrency { get; init; } = 8;

    /// <summary>
    /// Timeouts, retries, the <c>Retry-After</c> pause, the adaptive concurrency limit and the circuit breaker: the same
    /// pipeline as the models' (<see cref="ResilienceOptions"/>), with 60 s per attempt by default.
    /// </summary>
    public ResilienceOptions Resilience { get; init; } = new() { RequestTimeout = TimeSpan.FromSeconds(60) };

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid field (missing fields are checked by the
    /// judges, which throw <see cref="JudgeConfigurationException"/>).</summary>
    public void Validate()
    {
        if (Endpoint is { } endpoint
            && (!endpoint.IsAbsoluteUri || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps)
                || !string.IsNullOrEmpty(endpoint.Query) || !string.IsNullOrEmpty(endpoint.Fragment)))
        {
            throw new ArgumentException(
                $"ClassifierJudgeOptions.Endpoint '{RedactedEndpoint.Of(endpoint.OriginalString)}' is not an absolute http(s) base URL without query.", nameof(Endpoint));
        }

        if (ApiKeyEnvironmentVariable is not null && (ApiKeyEnvironmentVariable.Length == 0 || ApiKeyEnvironmentVariable.Any(char.IsWhiteSpace)))
        {
            throw new ArgumentException(
                $"ClassifierJudgeOptions.ApiKeyEnvironmentVariable '{ApiKeyEnvironmentVariable}' is not a variable name.", nameof(ApiKeyEnvironmentVariable));
        }

        if (!Enum.IsDefined(Api))
        {
            throw new ArgumentException($"ClassifierJudgeOptions.Api '{(int)Api}' is not Chat or Completions.", nameof(Api));
        }

        if (MaxConcurrency <= 0)
        {
            throw new ArgumentException($"ClassifierJudgeOptions.MaxConcurrency must be > 0 (was {MaxConcurrency}).", nameof(MaxConcurrency));
        }

        if (Resilience is null)
        {
            throw new ArgumentException("ClassifierJudgeOptions.Resilience is required.", nameof(Resilience));
        }

        Resilience.Validate();
    }

    /// <summary>
    /// Options for an <see cref="OpenAICompatibleChatClient"/> talking to <see cref="Endpoint"/> with <see cref="Model"/>
    /// (the HarmBench classifier or an LLM judge's model). Throws <see cref="JudgeConfigurationException"/> when the
    /// endpoint or model is missing or the named key variable is unset.
    /// </summary>
    /// <param name="environment">Reads an environment variable; <see cref="Environment.GetEnvironmentVariable(string)"/> when null.</param>
    public OpenAICompatibleOptions ToChatClientOptions(string judgeId, Func<string, string?>? environment = null)
    {
        Validate();
        RequireEndpointAndModel(judgeId);
        return new OpenAICompatibleOptions
        {
            Endpoints = [Endpoint!],
            Model = Model!,
            Api = Api,
            ApiKey = ApiKeyEnvironmentVariable is null ? null : ReadApiKey(judgeId, environment),
            MaxConcurrency = MaxConcurrency,
            Resilience = Resilience,
        };
    }

    internal void RequireEndpointAndModel(string judgeId)
    {
        if (Endpoint is null || string.IsNullOrWhiteSpace(Model))
        {
            throw JudgeConfigurationException.NotConfigured(
                judgeId, $"set judge_models.{judgeId}.endpoint and .model in the pipeline file");
        }
    }

    /// <summary>The key from the named variable; throws <see cref="JudgeConfigurationException"/> naming the variable when unset.</summary>
    internal string ReadApiKey(string judgeId, Func<string, string?>? environment)
    {
        if (string.IsNullOrWhiteSpace(ApiKeyEnvironmentVariable))
        {
            throw JudgeConfigurationException.NotConfigured(
                judgeId, $"set judge_models.{judgeId}.api_key_env to the name of the environment variable holding the API key");
        }

        var key = (environment ?? Environment.GetEnvironmentVariable)(ApiKeyEnvironmentVariable);
        if (string.IsNullOrWhiteSpace(key))
        {
            throw JudgeConfigurationException.NotConfigured(
                judgeId, $"the environment variable {ApiKeyEnvironmentVariable} (judge_models.{judgeId}.api_key_env) is not set");
        }

        return key.Trim();
    }
}
