using MultiTrust.Cli.Infrastructure;
using MultiTrust.Core.Contracts;
using MultiTrust.Core.Pipeline;
using MultiTrust.Stages.Inference;
using MultiTrust.Stages.Inference.Baselines;
using MultiTrust.Stages.Inference.Cache;
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
        var images = new ImageDataUriCache();
        foreach (var model in pipeline.Models)
        {
            IChatClient client;
            if (model.IsBaseline)
            {
                client = Baselines.Create(model.Provider, pipeline.Seed);
            }
            else
            {
                string? key = null;
                if (model.ApiKeyEnv is not null)
                {
                    key = environment.GetEnvironmentVariable(model.ApiKeyEnv);
                    if (string.IsNullOrEmpty(key))
                    {
                        throw new UserError(
                            $"Model '{model.Id}' ({model.Location}) reads its API key from the environment variable " +
                            $"'{model.ApiKeyEnv}', which is not set. Set it (export {model.ApiKeyEnv}=...) or remove 'api_key_env'.");
                    }
                }

                client = new OpenAICompatibleChatClient(new OpenAICompatibleOptions
                {
                    Endpoints = [.. model.Endpoints.Select(e => new Uri(e))],
                    Model = model.Model!,
                    ApiKey = key,
                    MaxConcurrency = model.Concurrency,
                    Resilience = new ResilienceOptions
                    {
                        RequestTimeout = model.Timeout,
                        MaxRetries = model.MaxRetries,
                        TotalTimeout = model.TotalTimeout,
                    },
                }, environment.Time);
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

    public void Dispose()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }
    }
}
