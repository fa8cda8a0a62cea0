using YamlDotNet.RepresentationModel;

namespace MultiTrust.Core.Pipeline;

public sealed partial class PipelineLoader
{
    private static readonly string[] s_judgeModelKeys = ["endpoint", "model", "api", "api_key_env", "template", "concurrency", "timeout", "total_timeout", "retries"];

    /// <summary>
    /// Judge model ids the command line provides (<c>--judge-model ID=SPEC</c>; <c>*</c> for every LLM judge model), so a
    /// <c>judges</c> entry naming one needs no <c>judge_models</c> entry in the file. Empty by default.
    /// </summary>
    public IReadOnlyCollection<string> ProvidedJudgeModels { get; init; } = [];

    private List<JudgeModelDefinition> ReadJudgeModels(YamlMappingNode root)
    {
        var result = new List<JudgeModelDefinition>();
        var node = Get(root, "judge_models");
        if (node is null)
        {
            return result;
        }

        if (node is not YamlMappingNode map)
        {
            Problem(node, "'judge_models' must be a mapping from judge id to its settings, e.g.\n  judge_models:\n    harmbench: { endpoint: http://localhost:8001/v1, model: cais/HarmBench-Llama-2-13b-cls }");
            return result;
        }

        foreach (var (key, value) in map.Children)
        {
            var id = (key as YamlScalarNode)?.Value ?? string.Empty;
            if (!JudgeModelRules.IsConfigurable(id))
            {
                Problem(key, $"unknown judge model '{id}'; configurable judges: {string.Join(", ", JudgeModelRules.FixedIds)}, llm-<name>");
                continue;
            }

            if (value is not YamlMappingNode settings)
            {
                Problem(value, $"judge_models.{id} must be a mapping with {string.Join(", ", s_judgeModelKeys)}");
                continue;
            }

            var where = $"judge_models.{id}";
            CheckKeys(settings, s_judgeModelKeys, where);
            foreach (var required in JudgeModelRules.Required(id).Where(k => Get(settings, k) is null))
            {
                Problem(settings, $"{where} needs '{required}'");
            }

            var endpoint = Scalar(settings, "endpoint", where) ?? JudgeModelRules.DefaultEndpoints.GetValueOrDefault(id);
            if (endpoint is not null && (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https")))
            {
                Problem(Get(settings, "endpoint")!, $"{where}.endpoint '{RedactedEndpoint.Of(endpoint)}' must be an absolute http(s) URL");
            }

            var apiKeyEnv = Scalar(settings, "api_key_env", where);
            if (apiKeyEnv is not null && !apiKeyEnv.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                Problem(Get(settings, "api_key_env")!, "'api_key_env' is the NAME of an environment variable (letters, digits, '_'), never the key itself");
            }

            var template = Scalar(settings, "template", where);
            if (template is not null)
            {
                template = Path.GetFullPath(template, Path.GetDirectoryName(Path.GetFullPath(_file)) ?? ".");
                if (!File.Exists(template))
                {
                    Problem(Get(settings, "template")!, $"{where}.template: file not found: {template}");
                }
            }

            var api = ReadJudgeApi(settings, id, where);
            result.Add(new JudgeModelDefinition(
                id, endpoint ?? string.Empty, Scalar(settings, "model", where), apiKeyEnv, template,
                (int)(Integer(settings, "concurrency", where, 1, 10_000) ?? 8),
                TimeoutDuration(settings, "timeout", where) ?? TimeSpan.FromSeconds(60),
                Location(settings))
            {
                Api = api,
                MaxRetries = (int)(Integer(settings, "retries", where, 0, 100) ?? 3),
                TotalTimeout = TimeoutDuration(settings, "total_timeout", where),
            });
        }

        return result;
    }

    /// <summary><c>api: chat | completions</c>; only for judges that call an OpenAI-compatible model.</summary>
    private string ReadJudgeApi(YamlMappingNode settings, string id, string where)
    {
        var api = Scalar(settings, "api", where);
        if (api is null)
        {
            return "chat";
        }

        if (!JudgeModelRules.CallsOpenAICompatible(id))
        {
            Problem(Get(settings, "api")!, $"{where}.api applies only to harmbench, gpt-judge and llm-<name> judges (they call an OpenAI-compatible model)");
        }
        else if (api is not ("chat" or "completions"))
        {
            Problem(Get(settings, "api")!, $"{where}.api '{api}' must be 'chat' (/chat/completions) or 'completions' (/completions, raw prompt)");
        }

        return api;
    }

    /// <summary>Every configurable judge named in <c>judges</c> needs its <c>judge_models</c> entry.</summary>
    private void CheckJudgesConfigured(YamlMappingNode root, IReadOnlyList<string> judges, IReadOnlyList<JudgeModelDefinition> judgeModels)
    {
        foreach (var id in judges.Where(j => JudgeModelRules.IsConfigurable(j) && judgeModels.All(m => m.Id != j) && !Provided(j)))
        {
            Problem(Get(root, "judges") ?? root, JudgeModelRules.NotConfigured(id));
        }
    }

    private bool Provided(string id) =>
        ProvidedJudgeModels.Contains(id) || (JudgeModelRules.IsLlm(id) && ProvidedJudgeModels.Contains(JudgeModelSpec.AllLlm));
}
