namespace MultiTrust.Core.Pipeline;

/// <summary>
/// Which judges need a <c>judge_models</c> entry and what each entry must provide: the protocol's model- and
/// service-backed evaluators as data. A judge listed in <c>judges</c> without its entry is a validation error naming
/// the settings to provide — never a silent zero.
/// </summary>
public static class JudgeModelRules
{
    public const string HarmBench = "harmbench";
    public const string Moderation = "moderation";
    public const string Perspective = "perspective";
    public const string Longformer = "longformer";

    /// <summary>The protocol's GPT-4 judge: an LLM judge model whose prompt is named by each verdict step's template.</summary>
    public const string GptJudge = "gpt-judge";

    public const string LlmPrefix = "llm-";

    /// <summary>Default endpoints where the service has a public one.</summary>
    public static IReadOnlyDictionary<string, string> DefaultEndpoints { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [Moderation] = "https://api.openai.com/v1",
        [Perspective] = "https://commentanalyzer.googleapis.com",
    };

    /// <summary>
    /// The key variable of an entry created from the command line (<c>--judge-model</c>) for a service that needs a key;
    /// an entry in the pipeline file keeps its own <c>api_key_env</c>.
    /// </summary>
    public static IReadOnlyDictionary<string, string> DefaultApiKeyVariables { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [Moderation] = "OPENAI_API_KEY",
        [Perspective] = "PERSPECTIVE_API_KEY",
    };

    /// <summary>The fixed ids that take a <c>judge_models</c> entry (besides any <c>llm-*</c> id).</summary>
    public static IReadOnlyList<string> FixedIds { get; } = [GptJudge, HarmBench, Longformer, Moderation, Perspective];

    public static bool IsConfigurable(string id) => FixedIds.Contains(id) || IsNamedLlm(id);

    /// <summary>Whether <paramref name="id"/> is an LLM judge model (<c>gpt-judge</c> or <c>llm-*</c>), called through an
    /// OpenAI-compatible chat API with a prompt template.</summary>
    public static bool IsLlm(string id) => id == GptJudge || IsNamedLlm(id);

    /// <summary>Whether the judge calls an OpenAI-compatible model, so that <c>api: chat | completions</c> applies.</summary>
    public static bool CallsOpenAICompatible(string id) => id == HarmBench || IsLlm(id);

    /// <summary>The settings an entry for <paramref name="id"/> must have, as <c>judge_models.&lt;id&gt;.&lt;key&gt;</c> names.</summary>
    public static IReadOnlyList<string> Required(string id) => id switch
    {
        HarmBench or Longformer or GptJudge => ["endpoint", "model"],
        Moderation => ["api_key_env"],
        Perspective => ["api_key_env"],
        _ => ["endpoint", "model", "template"],
    };

    /// <summary>The message for a judge that is used but not configured.</summary>
    public static string NotConfigured(string id) =>
        $"judge '{id}' is not configured: add judge_models.{id} with {string.Join(" and ", Required(id).Select(k => $"'{k}'"))} " +
        $"to the pipeline file (see docs/pipeline-yaml.md) or pass --judge-model {id}=SPEC";

    private static bool IsNamedLlm(string id) => id.StartsWith(LlmPrefix, StringComparison.Ordinal) && id.Length > LlmPrefix.Length;
}
