using MultiTrust.Cli.Infrastructure;
using MultiTrust.Core.Contracts;
using MultiTrust.Core.Contracts.Verdicts;
using MultiTrust.Core.Pipeline;
using MultiTrust.Stages.Inference.Cache;
using MultiTrust.Stages.Inference.OpenAICompatible;
using MultiTrust.Stages.Judging;
using MultiTrust.Stages.Judging.Classifiers;
using MultiTrust.Stages.Judging.Llm;

namespace MultiTrust.Cli.Composition;

/// <summary>
/// The model- and service-backed judges of a pipeline (<c>judge_models</c>), each with its own HTTP pool and limits,
/// separate from the models under test, sharing one judge response cache (<c>&lt;out&gt;/cache/judges.sqlite</c>).
/// Construction fails with a message naming the judge and the setting when a key variable is unset.
/// </summary>
internal sealed class ConfiguredJudges : IAsyncDisposable
{
    private readonly List<IDisposable> _owned = [];
    private SqliteResponseCache? _cache;

    private ConfiguredJudges()
    {
    }

    public IReadOnlyDictionary<string, IJudge> ById => _byId;

    private readonly Dictionary<string, IJudge> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JudgeModelDefinition> _definitions = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, string), IJudge> _templated = [];
    private CliEnvironment? _environment;

    /// <summary>
    /// The judge of a model-backed verdict step, or null when its judge model is not configured. An LLM judge model
    /// serves every template a task names: one judge per (judge model, template), sharing the model's client.
    /// Not thread-safe: resolve chains before the run starts.
    /// </summary>
    public IJudge? Resolve(ModelVerdict step)
    {
        ArgumentNullException.ThrowIfNull(step);
        if (!_byId.TryGetValue(step.JudgeModel, out var judge))
        {
            return null;
        }

        if (step.Template is null || judge is not LlmJudge || _environment is null)
        {
            return judge;
        }

        var key = (step.JudgeModel, step.Template);
        if (!_templated.TryGetValue(key, out var templated))
        {
            var definition = _definitions[step.JudgeModel];
            var client = Own(new OpenAICompatibleChatClient(ToClassifierOptions(definition).ToChatClientOptions(definition.Id, _environment.GetEnvironmentVariable), _environment.Time));
            templated = new LlmJudge(client, new LlmJudgeOptions
            {
                Id = step.Id,
                JudgeModel = definition.Model!,
                TemplatePath = JudgeTemplates.PathOf(step.Template),
                MaxConcurrency = definition.Concurrency,
                CallTimeout = definition.Timeout,
                MaxTokens = JudgeTemplates.MaxTokensOf(step.Template),
                Parser = JudgeTemplates.ParserOf(step.Template),
            }, _cache);
            _templated[key] = templated;
        }

        return templated;
    }

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
                result._cache = await SqliteResponseCache.OpenAsync(LlmJudge.DefaultCachePath(pipeline.Output));
            }

            result._environment = environment;
            foreach (var definition in pipeline.JudgeModels)
            {
                result._definitions[definition.Id] = definition;
                result._byId[definition.Id] = result.Create(definition, environment);
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

    private static ClassifierJudgeOptions ToClassifierOptions(JudgeModelDefinition definition) => new()
    {
        Endpoint = new Uri(definition.Endpoint),
        Model = definition.Model,
        Api = definition.Api == "completions" ? OpenAICompatibleApi.Completions : OpenAICompatibleApi.Chat,
        ApiKeyEnvironmentVariable = definition.ApiKeyEnv,
        TemplatePath = definition.Template,
        MaxConcurrency = definition.Concurrency,
        RequestTimeout = definition.Timeout,
    };

    private IJudge Create(JudgeModelDefinition definition, CliEnvironment environment)
    {
        var options = new ClassifierJudgeOptions
        {
            Endpoint = new Uri(definition.Endpoint),
            Model = definition.Model,
            Api = definition.Api == "completions" ? OpenAICompatibleApi.Completions : OpenAICompatibleApi.Chat,
            ApiKeyEnvironmentVariable = definition.ApiKeyEnv,
            TemplatePath = definition.Template,
            MaxConcurrency = definition.Concurrency,
            RequestTimeout = definition.Timeout,
        };
        var env = environment.GetEnvironmentVariable;
        switch (definition.Id)
        {
            case JudgeModelRules.HarmBench:
                return Own(HarmfulnessClassifierJudge.Create(options, _cache, env));
            case JudgeModelRules.Moderation:
                return Own(new ModerationJudge(options, environment: env, timeProvider: environment.Time));
            case JudgeModelRules.Perspective:
                return Own(new PerspectiveJudge(options, environment: env, timeProvider: environment.Time));
            default:
                var client = Own(new OpenAICompatibleChatClient(options.ToChatClientOptions(definition.Id, env), environment.Time));
                return new LlmJudge(client, new LlmJudgeOptions
                {
                    Id = definition.Id,
                    JudgeModel = definition.Model!,
                    TemplatePath = definition.Template,
                    MaxConcurrency = definition.Concurrency,
                    CallTimeout = definition.Timeout,
                }, _cache);
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
