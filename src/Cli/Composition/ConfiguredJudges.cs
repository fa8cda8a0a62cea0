using MultiTrust.Cli.Infrastructure;
using MultiTrust.Core.Contracts;
using MultiTrust.Core.Contracts.Verdicts;
using MultiTrust.Core.Pipeline;
using MultiTrust.Stages.Inference.Cache;
using MultiTrust.Stages.Inference.OpenAICompatible;
using MultiTrust.Stages.Judging;
using MultiTrust.Stages.Judging.Chains;
using MultiTrust.Stages.Judging.Classifiers;
using MultiTrust.Stages.Judging.Llm;
using MultiTrust.Stages.Resilience;

namespace MultiTrust.Cli.Composition;

/// <summary>
/// The model- and service-backed judges of a pipeline (<c>judge_models</c>), each with its own HTTP pool and limits,
/// separate from the models under test, sharing one judge response cache (<c>&lt;out&gt;/cache/judges.sqlite</c>).
/// Construction fails with a message naming the judge and the setting when a key variable is unset.
/// </summary>
/// <remarks>
/// An LLM judge model (<c>gpt-judge</c>, <c>llm-*</c>) has one client; it serves its own <c>template</c> (when the entry
/// has one) and every template a verdict step names, one <see cref="LlmJudge"/> per template, with the template's
/// output settings (<see cref="JudgeTemplates"/>).
/// </remarks>
internal sealed class ConfiguredJudges : IAsyncDisposable
{
    private readonly List<IDisposable> _owned = [];
    private readonly Dictionary<string, IJudge> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JudgeModelDefinition> _definitions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, OpenAICompatibleChatClient> _llmClients = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, string), IJudge> _templated = [];
    private SqliteResponseCache? _cache;

    private ConfiguredJudges()
    {
    }

    /// <summary>The judges usable on their own: classifiers and services, and LLM judge models with their own template.</summary>
    public IReadOnlyDictionary<string, IJudge> ById => _byId;

    /// <summary>Whether <paramref name="id"/> has a <c>judge_models</c> entry.</summary>
    public bool IsConfigured(string id) => _definitions.ContainsKey(id);

    /// <summary>
    /// The judge of a model-backed verdict step (an <see cref="IModelBackedJudge"/> with the entry's concurrency), or null
    /// when its judge model is not configured. Throws
    /// <see cref="VerdictChainException"/> for an LLM judge model step without a template when the entry has none.
    /// Not thread-safe: resolve chains before the run starts.
    /// </summary>
    public IJudge? Resolve(ModelVerdict step)
    {
        ArgumentNullException.ThrowIfNull(step);
        if (!_definitions.TryGetValue(step.JudgeModel, out var definition))
        {
            return null;
        }

        if (!_llmClients.TryGetValue(step.JudgeModel, out var client))
        {
            return Backed(_byId[step.JudgeModel], definition);
        }

        if (step.Template is null)
        {
            return _byId.TryGetValue(step.JudgeModel, out var own)
                ? Backed(own, definition)
                : throw new VerdictChainException(
                    $"verdict step '{step.Id}' names no prompt template and judge model '{step.JudgeModel}' has none: " +
                    $"set judge_models.{step.JudgeModel}.template");
        }

        var key = (step.JudgeModel, step.Template);
        if (!_templated.TryGetValue(key, out var templated))
        {
            templated = new LlmJudge(client, new LlmJudgeOptions
            {
                Id = step.Id,
                JudgeModel = definition.Model!,
                TemplatePath = JudgeTemplates.PathOf(step.Template),
                MaxConcurrency = definition.Concurrency,
                CallTimeout = client.Options.Resilience.EffectiveTotalTimeout,
                MaxTokens = JudgeTemplates.MaxTokensOf(step.Template),
                Parser = JudgeTemplates.ParserOf(step.Template),
            }, _cache);
            _templated[key] = templated;
        }

        return Backed(templated, definition);
    }

    // The engine runs a step of this judge model on its own block, at the entry's concurrency.
    private static ModelBackedJudge Backed(IJudge judge, JudgeModelDefinition definition) =>
        new(judge, definition.Id, definition.Concurrency);

    public static async Task<ConfiguredJudges> CreateAsync(PipelineDefinition pipeline, CliEnvironment environment)
    {
        var result = new ConfiguredJudges();
        if (pipeline.JudgeModels.Count == 0)
        {
            return result;
        }

        try
        {
            if (pipeline.Cache)
            {
                result._cache = await SqliteResponseCache.OpenAsync(Path.Combine(CacheFolder.Of(environment, pipeline.Output), Path.GetFileName(LlmJudge.DefaultCachePath(pipeline.Output))));
            }

            foreach (var definition in pipeline.JudgeModels)
            {
                result._definitions[definition.Id] = definition;
                result.Create(definition, environment);
            }
        }
        catch (JudgeConfigurationException e)
        {
            await result.DisposeAsync();
            throw new UserError($"{e.Message} ({pipeline.SourcePath}).", ExitCodes.InvalidInput);
        }
        catch
        {
            await result.DisposeAsync();
            throw;
        }

        return result;
    }

    private void Create(JudgeModelDefinition definition, CliEnvironment environment)
    {
        var options = new ClassifierJudgeOptions
        {
            Endpoint = new Uri(definition.Endpoint),
            Model = definition.Model,
            Api = definition.Api == "completions" ? OpenAICompatibleApi.Completions : OpenAICompatibleApi.Chat,
            ApiKeyEnvironmentVariable = definition.ApiKeyEnv,
            TemplatePath = definition.Template,
            MaxConcurrency = definition.Concurrency,
            Resilience = new ResilienceOptions
            {
                RequestTimeout = definition.Timeout,
                MaxRetries = definition.MaxRetries,
                TotalTimeout = definition.TotalTimeout,
            },
        };
        var env = environment.GetEnvironmentVariable;
        switch (definition.Id)
        {
            case JudgeModelRules.HarmBench:
                _byId[definition.Id] = Own(HarmfulnessClassifierJudge.Create(options, _cache, env));
                break;
            case JudgeModelRules.Moderation:
                _byId[definition.Id] = Own(new ModerationJudge(options, environment: env, timeProvider: environment.Time));
                break;
            case JudgeModelRules.Perspective:
                _byId[definition.Id] = Own(new PerspectiveJudge(options, environment: env, timeProvider: environment.Time));
                break;
            case JudgeModelRules.Longformer:
                _byId[definition.Id] = Own(new LongformerJudge(options, environment: env, timeProvider: environment.Time));
                break;
            default:
                var client = Own(new OpenAICompatibleChatClient(options.ToChatClientOptions(definition.Id, env), environment.Time));
                _llmClients[definition.Id] = client;
                if (definition.Template is not null)
                {
                    _byId[definition.Id] = new LlmJudge(client, new LlmJudgeOptions
                    {
                        Id = definition.Id,
                        JudgeModel = definition.Model!,
                        TemplatePath = definition.Template,
                        MaxConcurrency = definition.Concurrency,
                        CallTimeout = client.Options.Resilience.EffectiveTotalTimeout,
                    }, _cache);
                }

                break;
        }
    }

    private T Own<T>(T disposable)
        where T : IDisposable
    {
        _owned.Add(disposable);
        return disposable;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }

        if (_cache is not null)
        {
            await _cache.DisposeAsync();
        }
    }
}
