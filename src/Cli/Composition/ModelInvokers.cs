using MultiTrust.Cli.Infrastructure;
using MultiTrust.Core.Contracts;
using MultiTrust.Core.Pipeline;
using MultiTrust.Stages.Inference;
using MultiTrust.Stages.Inference.Anthropic;
using MultiTrust.Stages.Inference.AzureOpenAI;
using MultiTrust.Stages.Inference.Baselines;
using MultiTrust.Stages.Inference.Cache;
using MultiTrust.Stages.Inference.Gemini;
using MultiTrust.Stages.Inference.OpenAICompatible;
using MultiTrust.Stages.Resilience;
using Microsoft.Extensions.AI;

namespace MultiTrust.Cli.Composition;

/// <summary>Builds one <see cref="IModelInvoker"/> per model definition; owns the chat clients it creates.</summary>
internal sealed class ModelInvokers : IDisposable
{
    private readonly List<IChatClient> _clients = [];

    public List<IModelInvoker> Invokers { get; } = [];

    public static ModelInvokers Create(
        PipelineDefinition pipeline, CliEnvironment environment, IBlobStore blobs, IResponseCache? cache)
    {
        var result = new ModelInvokers();
        var images = new ImageContentCache();
        foreach (var model in pipeline.Models)
        {
            IChatClient client;
            if (model.IsBaseline)
            {
                client = Baselines.Create(model.Provider, pipeline.Seed);
            }
            else
            {
                client = CreateHttpClient(model, environment);
            }

            result._clients.Add(client);
            var options = new ModelInvokerOptions
            {
                ModelId = model.Id,
                ProviderKind = model.IsBaseline ? ModelInvokerOptions.BaselineProviderKind : model.Provider,
                ModelName = model.IsBaseline ? model.Provider : model.Model!,
                Revision = model.Revision,
                Generation = model.Generation,
                MaxConcurrency = model.Concurrency,
                UseCache = pipeline.Cache && !model.IsBaseline,
            };
            result.Invokers.Add(new ModelInvoker(client, options, blobs, cache, images, environment.Time));
        }

        return result;
    }

    /// <summary>
    /// The chat client of a provider reached over HTTP, its key (or Azure's Entra token) read from the environment
    /// variable the pipeline names (or, for hosted providers, the conventional one when it is set). Invalid settings
    /// become a <see cref="UserError"/> naming the model and where it is declared.
    /// </summary>
    private static IChatClient CreateHttpClient(ModelDefinition model, CliEnvironment environment)
    {
        var key = Secret(model, model.ApiKeyEnv, "api_key_env", environment)
            ?? (model.EntraTokenEnv is null && ProviderNames.DefaultKeyVariable(model.Provider) is { } fallback
                ? NonEmpty(environment.GetEnvironmentVariable(fallback))
                : null);
        var endpoints = model.Endpoints.Select(e => new Uri(e)).ToArray();
        var resilience = new ResilienceOptions
        {
            RequestTimeout = model.Timeout,
            MaxRetries = model.MaxRetries,
            TotalTimeout = model.TotalTimeout,
        };
        try
        {
            return model.Provider switch
            {
                ProviderNames.AzureOpenAI => new AzureOpenAIChatClient(new AzureOpenAIOptions
                {
                    Endpoints = endpoints,
                    Deployment = model.Model!,
                    ApiVersion = model.ApiVersion ?? AzureOpenAIOptions.DefaultApiVersion,
                    ApiKey = key,
                    EntraToken = Secret(model, model.EntraTokenEnv, "entra_token_env", environment),
                    MaxConcurrency = model.Concurrency,
                    Resilience = resilience,
                }, environment.Time),
                ProviderNames.Anthropic => new AnthropicChatClient(new AnthropicOptions
                {
                    Endpoints = endpoints,
                    Model = model.Model!,
                    ApiKey = key,
                    DefaultMaxTokens = model.Generation.MaxTokens,
                    MaxConcurrency = model.Concurrency,
                    Resilience = resilience,
                }, environment.Time),
                ProviderNames.Gemini => new GeminiChatClient(new GeminiOptions
                {
                    Endpoints = endpoints,
                    Model = model.Model!,
                    ApiKey = key,
                    MaxConcurrency = model.Concurrency,
                    Resilience = resilience,
                }, environment.Time),
                ProviderNames.OpenAICompatible => new OpenAICompatibleChatClient(new OpenAICompatibleOptions
                {
                    Endpoints = endpoints,
                    Model = model.Model!,
                    ApiKey = key,
                    MaxConcurrency = model.Concurrency,
                    Resilience = resilience,
                }, environment.Time),
                _ => throw new UserError($"Model '{model.Id}' ({model.Location}): provider '{model.Provider}' has no client; {ModelSpec.UnknownProvider(model.Provider)}."),
            };
        }
        catch (ArgumentException ex)
        {
            throw new UserError($"Model '{model.Id}' ({model.Location}): {ex.Message}");
        }
    }

    /// <summary>The value of the variable a model names under <paramref name="key"/>; a named but unset variable is an error.</summary>
    private static string? Secret(ModelDefinition model, string? variable, string key, CliEnvironment environment)
    {
        if (variable is null)
        {
            return null;
        }

        return NonEmpty(environment.GetEnvironmentVariable(variable)) ?? throw new UserError(
            $"Model '{model.Id}' ({model.Location}) reads its credential from the environment variable " +
            $"'{variable}', which is not set. Set it (export {variable}=...) or remove '{key}'.");
    }

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    public void Dispose()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }
    }
}
