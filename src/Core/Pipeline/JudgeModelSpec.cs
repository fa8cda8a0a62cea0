namespace MultiTrust.Core.Pipeline;

/// <summary>
/// One <c>--judge-model ID=SPEC</c> argument: sets or creates <c>judge_models.ID</c> without editing the pipeline file.
/// SPEC is <c>ENDPOINT:MODEL</c> (e.g. <c>http://localhost:8000/v1:gpt-4o-2024-08-06</c>) or, mirroring <c>--model</c>,
/// <c>openai-compatible:ENDPOINT:MODEL</c> for judges called through an OpenAI-compatible API (<c>gpt-judge</c>,
/// <c>llm-*</c>, <c>harmbench</c>). The model may contain <c>:</c> (an Ollama tag): it starts at the first <c>:</c> after
/// the URL's path begins, or at the last <c>:</c> for a URL without a path. <c>perspective</c> takes no model: its SPEC
/// is the endpoint alone. ID <c>*</c> stands for every LLM judge model (<c>gpt-judge</c> and <c>llm-*</c>).
/// </summary>
/// <param name="Id">A configurable judge id, or <see cref="AllLlm"/>.</param>
/// <param name="Endpoint">The absolute http(s) endpoint, without query.</param>
/// <param name="Model">The pinned model name; null only for <c>perspective</c>.</param>
public sealed record JudgeModelSpec(string Id, string Endpoint, string? Model)
{
    /// <summary>The id that stands for every LLM judge model.</summary>
    public const string AllLlm = "*";

    private const string OpenAICompatiblePrefix = "openai-compatible:";

    /// <summary>Where command-line judge models are reported as coming from.</summary>
    public static SourceLocation Location { get; } = new("--judge-model", 0, 0);

    /// <summary>Parses <c>ID=SPEC</c>; false with a message naming the problem and the expected form.</summary>
    public static bool TryParse(string argument, out JudgeModelSpec? spec, out string error)
    {
        ArgumentNullException.ThrowIfNull(argument);
        spec = null;
        var equals = argument.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0 || equals == argument.Length - 1)
        {
            error = $"'{RedactedEndpoint.Of(argument)}' is not ID=SPEC; expected for example gpt-judge=http://localhost:8000/v1:gpt-4o-2024-08-06 " +
                "or *=openai-compatible:http://localhost:8000/v1:MODEL";
            return false;
        }

        var id = argument[..equals].Trim();
        var text = argument[(equals + 1)..].Trim();
        if (id != AllLlm && !JudgeModelRules.IsConfigurable(id))
        {
            error = $"unknown judge model '{id}'; configurable judges: {string.Join(", ", JudgeModelRules.FixedIds)}, llm-<name>, " +
                $"or {AllLlm} for every LLM judge model";
            return false;
        }

        var openAICompatible = text.StartsWith(OpenAICompatiblePrefix, StringComparison.Ordinal);
        if (openAICompatible)
        {
            text = text[OpenAICompatiblePrefix.Length..];
            if (id != AllLlm && !JudgeModelRules.CallsOpenAICompatible(id))
            {
                error = $"judge '{id}' is not called through an OpenAI-compatible API; give its SPEC as ENDPOINT:MODEL";
                return false;
            }
        }

        if (!text.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && !text.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            error = colon > 0 && !openAICompatible
                ? $"unknown provider '{text[..colon]}' in '{RedactedEndpoint.Of(argument)}'; judge models take ENDPOINT:MODEL or openai-compatible:ENDPOINT:MODEL"
                : $"'{RedactedEndpoint.Of(argument)}' does not start with an http(s) endpoint; expected {id}={Example(id)}";
            return false;
        }

        var (endpoint, model) = id == JudgeModelRules.Perspective ? (text, null) : Split(text);
        if (id != JudgeModelRules.Perspective && model is null)
        {
            error = $"'{RedactedEndpoint.Of(argument)}' has no model; expected {id}={Example(id)}";
            return false;
        }

        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || uri.Host.Length == 0 || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
        {
            error = $"endpoint '{RedactedEndpoint.Of(endpoint)}' in '{RedactedEndpoint.Of(argument)}' is not an absolute http(s) URL without query";
            return false;
        }

        spec = new JudgeModelSpec(id, endpoint, model);
        error = string.Empty;
        return true;
    }

    /// <summary>
    /// The entry this spec makes for <paramref name="id"/> (this spec's id, or an LLM judge id when it is
    /// <see cref="AllLlm"/>): the file's entry with its endpoint and model replaced, or a new entry with the loader's
    /// defaults (8 calls in flight, 60 s timeout, chat API) and, for moderation and Perspective, the key variable
    /// <see cref="JudgeModelRules.DefaultApiKeyVariables"/> names.
    /// </summary>
    public JudgeModelDefinition ApplyTo(string id, JudgeModelDefinition? existing) =>
        existing is not null
            ? existing with { Endpoint = Endpoint, Model = Model ?? existing.Model, Location = Location }
            : new JudgeModelDefinition(
                id, Endpoint, Model, JudgeModelRules.DefaultApiKeyVariables.GetValueOrDefault(id), null, 8, TimeSpan.FromSeconds(60), Location);

    /// <summary>ENDPOINT:MODEL split as <see cref="ModelSpec"/> splits its URL and model; model null when there is none.</summary>
    private static (string Endpoint, string? Model) Split(string text)
    {
        var scheme = text.IndexOf("://", StringComparison.Ordinal);
        var pathStart = text.IndexOf('/', scheme + 3);
        var colon = pathStart < 0 ? text.LastIndexOf(':') : text.IndexOf(':', pathStart);
        if (colon <= scheme || colon == text.Length - 1)
        {
            return (text, null);
        }

        // http://host:8000 is a URL with a port, not the model "8000".
        var isPort = pathStart < 0 && text.IndexOf(':', scheme + 3) == colon && text[(colon + 1)..].All(char.IsAsciiDigit);
        return isPort ? (text, null) : (text[..colon], text[(colon + 1)..]);
    }

    private static string Example(string id) => id switch
    {
        JudgeModelRules.Perspective => "https://commentanalyzer.googleapis.com",
        JudgeModelRules.Moderation => "https://api.openai.com/v1:omni-moderation-2024-09-26",
        JudgeModelRules.Longformer => "http://localhost:8080/predict:LibrAI/longformer-action-ro",
        JudgeModelRules.HarmBench => "http://localhost:8001/v1:cais/HarmBench-Llama-2-13b-cls",
        _ => "http://localhost:8000/v1:gpt-4o-2024-08-06",
    };
}
