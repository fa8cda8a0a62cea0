using YamlDotNet.RepresentationModel;

namespace MultiTrust.Core.Pipeline;

public sealed partial class PipelineLoader
{
    private List<ModelDefinition> ReadModels(YamlMappingNode root)
    {
        var result = new List<ModelDefinition>();
        var node = Get(root, "models");
        if (node is not YamlSequenceNode list || list.Children.Count == 0)
        {
            Problem(node ?? root, "'models' must be a non-empty list, e.g.\n  models:\n    - provider: baseline:oracle");
            return result;
        }

        foreach (var item in list.Children)
        {
            var model = item switch
            {
                YamlScalarNode scalar => FromSpec(scalar),
                YamlMappingNode map => ReadModel(map),
                _ => null,
            };
            if (model is null)
            {
                if (item is not YamlScalarNode and not YamlMappingNode)
                {
                    Problem(item, "a model entry must be a model spec string or a mapping with 'provider'");
                }

                continue;
            }

            if (result.Any(m => m.Id == model.Id))
            {
                Problem(item, $"model id '{model.Id}' is used twice; give one of them a distinct 'id'");
                continue;
            }

            result.Add(model);
        }

        return result;
    }

    private ModelDefinition? FromSpec(YamlScalarNode node)
    {
        if (!ModelSpec.TryParse(node.Value ?? "", out var provider, out var endpoint, out var model, out var error))
        {
            Problem(node, error);
            return null;
        }

        return Create(provider, endpoint is null ? [] : [endpoint], model, Location(node));
    }

    /// <summary>A model definition with defaults, as the command line's <c>--model</c> builds it.</summary>
    public static ModelDefinition Create(string provider, IReadOnlyList<string> endpoints, string? model, SourceLocation location, string? id = null) =>
        new(
            id ?? (provider.StartsWith(ProviderNames.BaselinePrefix, StringComparison.Ordinal) ? provider : $"{provider}/{model}"),
            provider,
            endpoints,
            model,
            Concurrency: provider.StartsWith(ProviderNames.BaselinePrefix, StringComparison.Ordinal) ? Environment.ProcessorCount : 16,
            Timeout: TimeSpan.FromSeconds(120),
            MaxRetries: 4,
            ApiKeyEnv: null,
            GenerationParameters.Default,
            location);

    private ModelDefinition? ReadModel(YamlMappingNode map)
    {
        const string where = "a model entry";
        CheckKeys(map, s_modelKeys, where);
        var provider = Scalar(map, "provider", where);
        if (provider is null)
        {
            Problem(map, $"a model entry needs 'provider' ({string.Join(", ", ProviderNames.All)})");
            return null;
        }

        if (!ProviderNames.IsSupported(provider))
        {
            Problem(Get(map, "provider")!, ModelSpec.UnknownProvider(provider));
            return null;
        }

        var endpoints = ReadEndpoints(map);
        var modelName = Scalar(map, "model", where);
        var isBaseline = provider.StartsWith(ProviderNames.BaselinePrefix, StringComparison.Ordinal);
        if (!isBaseline && endpoints.Count == 0)
        {
            Problem(map, $"model '{provider}' needs 'endpoint' or 'endpoints' (base URLs such as {ExampleEndpoint(provider)})");
        }

        if (!isBaseline && string.IsNullOrWhiteSpace(modelName))
        {
            Problem(map, provider == ProviderNames.AzureOpenAI
                ? $"model '{provider}' needs 'model' (the deployment name)"
                : $"model '{provider}' needs 'model' (the model name the server expects)");
        }

        var id = Scalar(map, "id", where);
        var apiKeyEnv = Scalar(map, "api_key_env", where);
        if (apiKeyEnv is not null && !apiKeyEnv.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
        {
            Problem(Get(map, "api_key_env")!, "'api_key_env' is the NAME of an environment variable (letters, digits, '_'), never the key itself");
        }

        var entraTokenEnv = Scalar(map, "entra_token_env", where);
        var apiVersion = Scalar(map, "api_version", where);
        if (provider != ProviderNames.AzureOpenAI)
        {
            foreach (var azureOnly in new[] { "entra_token_env", "api_version" })
            {
                if (Get(map, azureOnly) is { } node)
                {
                    Problem(node, $"'{azureOnly}' applies to provider '{ProviderNames.AzureOpenAI}' only, not '{provider}'");
                }
            }
        }

        if (entraTokenEnv is not null && !entraTokenEnv.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
        {
            Problem(Get(map, "entra_token_env")!, "'entra_token_env' is the NAME of an environment variable (letters, digits, '_'), never the token itself");
        }

        if (entraTokenEnv is not null && apiKeyEnv is not null)
        {
            Problem(Get(map, "entra_token_env")!, "a model takes 'api_key_env' or 'entra_token_env', not both");
        }

        if (apiVersion is not null && (apiVersion.Length == 0 || !apiVersion.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.')))
        {
            Problem(Get(map, "api_version")!, $"'api_version' must look like 2024-10-21, not '{apiVersion}'");
        }

        if (provider == ProviderNames.Anthropic && Get(map, "generation") is YamlMappingNode generationMap && Get(generationMap, "seed") is { } seedNode)
        {
            // Found here rather than as error rows on every request: the Messages API has no seed parameter.
            Problem(seedNode, $"'seed' in 'generation' is not supported by provider '{ProviderNames.Anthropic}' (the Messages API has no seed); remove it for this model");
        }

        var defaults = Create(provider, endpoints, modelName, Location(map), id);
        return defaults with
        {
            Concurrency = (int)(Integer(map, "concurrency", where, 1, 100_000) ?? defaults.Concurrency),
            Timeout = TimeoutDuration(map, "timeout", where) ?? defaults.Timeout,
            MaxRetries = (int)(Integer(map, "retries", where, 0, 100) ?? defaults.MaxRetries),
            TotalTimeout = TimeoutDuration(map, "total_timeout", where),
            ApiKeyEnv = apiKeyEnv,
            EntraTokenEnv = entraTokenEnv,
            ApiVersion = apiVersion,
            Generation = ReadGeneration(map),
            Revision = Scalar(map, "revision", where),
        };
    }

    private static string ExampleEndpoint(string provider) => provider switch
    {
        ProviderNames.AzureOpenAI => "https://my-resource.openai.azure.com",
        ProviderNames.Anthropic => "https://api.anthropic.com/v1",
        ProviderNames.Gemini => "https://generativelanguage.googleapis.com/v1beta",
        _ => "http://localhost:8000/v1",
    };

    /// <summary>A timeout: a duration from 10 ms to 24 h (what the resilience pipeline accepts).</summary>
    private TimeSpan? TimeoutDuration(YamlMappingNode map, string key, string where)
    {
        var value = Duration(map, key, where);
        if (value is { } duration && (duration < TimeSpan.FromMilliseconds(10) || duration > TimeSpan.FromDays(1)))
        {
            Problem(Get(map, key)!, $"'{key}' in {where} must be between 10ms and 24h, not '{Scalar(map, key, where)}'");
            return null;
        }

        return value;
    }

    private List<string> ReadEndpoints(YamlMappingNode map)
    {
        var result = new List<string>();
        var nodes = new List<YamlNode>();
        if (Get(map, "endpoint") is { } single)
        {
            nodes.Add(single);
        }

        if (Get(map, "endpoints") is { } many)
        {
            if (many is YamlSequenceNode seq)
            {
                nodes.AddRange(seq.Children);
            }
            else
            {
                Problem(many, "'endpoints' must be a list of base URLs");
            }
        }

        foreach (var node in nodes)
        {
            var text = (node as YamlScalarNode)?.Value;
            if (text is null || !Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
            {
                Problem(node, $"endpoint '{RedactedEndpoint.Of(text)}' must be an absolute http(s) URL such as http://localhost:8000/v1");
                continue;
            }

            result.Add(text);
        }

        return result;
    }

    private GenerationParameters ReadGeneration(YamlMappingNode map)
    {
        var node = Get(map, "generation");
        if (node is null)
        {
            return GenerationParameters.Default;
        }

        if (node is not YamlMappingNode generation)
        {
            Problem(node, "'generation' must be a mapping with temperature, max_tokens, top_p, seed");
            return GenerationParameters.Default;
        }

        const string where = "'generation'";
        CheckKeys(generation, s_generationKeys, where);
        var defaults = GenerationParameters.Default;
        return new GenerationParameters(
            Number(generation, "temperature", where, 0, 2) ?? defaults.Temperature,
            (int)(Integer(generation, "max_tokens", where, 1, 1_000_000) ?? defaults.MaxTokens),
            Number(generation, "top_p", where, 0, 1),
            Integer(generation, "seed", where, long.MinValue, long.MaxValue));
    }
}
