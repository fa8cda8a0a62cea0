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
    public const string LlmPrefix = "llm-";

    /// <summary>Default endpoints where the service has a public one.</summary>
    public static IReadOnlyDictionary<string, string> DefaultEndpoints { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [Moderation] = "https://api.openai.com/v1",
        [Perspective] = "https://commentanalyzer.googleapis.com",
    };

    /// <summary>The fixed ids that take a <c>judge_models</c> entry (besides any <c>llm-*</c> id).</summary>
    public static IReadOnlyList<string> FixedIds { get; } = [HarmBench, Moderation, Perspective];

    public static bool IsConfigurable(string id) => FixedIds.Contains(id) || (id.StartsWith(LlmPrefix, StringComparison.Ordinal) && id.Length > LlmPrefix.Length);

    /// <summary>The settings an entry for <paramref name="id"/> must have, as <c>judge_models.&lt;id&gt;.&lt;key&gt;</c> names.</summary>
    public static IReadOnlyList<string> Required(string id) => id switch
    {
        HarmBench => ["endpoint", "model"],
        Moderation => ["api_key_env"],
        Perspective => ["api_key_env"],
        _ => ["endpoint", "model", "template"],
    };

    /// <summary>The message for a judge that is used but not configured.</summary>
    public static string NotConfigured(string id) =>
        $"judge '{id}' is not configured: add judge_models.{id} with {string.Join(" and ", Required(id).Select(k => $"'{k}'"))} to the pipeline file (see docs/pipeline-yaml.md)";
}
