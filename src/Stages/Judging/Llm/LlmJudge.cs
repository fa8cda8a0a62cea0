using Microsoft.Extensions.AI;
using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;
using MultiTrust.Stages.Inference.Cache;

namespace MultiTrust.Stages.Judging.Llm;

/// <summary>
/// LLM-as-judge: fills a prompt template (<see cref="JudgeTemplate"/>) with the sample and response, asks a pinned judge
/// model through its own <see cref="IChatClient"/> at temperature 0 and reads the output with the configured
/// <see cref="LlmJudgeParser"/>. Thread-safe; at most <see cref="LlmJudgeOptions.MaxConcurrency"/> calls in flight.
/// </summary>
/// <remarks>
/// <para><see cref="Version"/> is <c>llm/&lt;judge model&gt;/&lt;first 12 hex of the template SHA-256&gt;</c>.
/// <c>Raw</c> is the judge model's output, or the error text of a failed call.</para>
/// <para>Outcomes: a failed judge call (<see cref="ModelCallException"/>, timeout, connection failure, filtered
/// output) → <see cref="JudgmentStatus.JudgeError"/> with a null score; output the parser cannot read →
/// <see cref="JudgmentStatus.Unparseable"/> (or Ambiguous) with a null score, since it says nothing about the model
/// under test (with <see cref="LlmJudgeParser.Raw"/> every answer is Ok, kept as <c>Raw</c>); a response without text,
/// a template needing <c>{target}</c> for a sample without one, or a <c>{meta:KEY}</c> the sample's metadata lacks →
/// <see cref="JudgmentStatus.Skipped"/> without a call, naming what is missing.</para>
/// <para>With a cache (its own file, e.g. <c>&lt;out&gt;/cache/judges.sqlite</c>), every successful call's output is
/// stored under the hash of (judge model, template hash, filled prompt, max tokens); failed calls are never cached.
/// The client is not owned: the caller disposes it.</para>
/// </remarks>
public sealed class LlmJudge : IJudge
{
    private readonly LlmJudgeOptions _options;
    private readonly JudgeTemplate _template;
    private readonly JudgeModelCaller _caller;
    private readonly ScoreReader? _scores;

    /// <summary>Creates the judge. Throws <see cref="ArgumentException"/> for invalid options and
    /// <see cref="InvalidDataException"/> naming the template file for an unreadable or invalid template.</summary>
    /// <param name="client">The judge model's own client (never the model under test's).</param>
    /// <param name="options">Validated here; captured.</param>
    /// <param name="cache">Optional judge output cache; not owned.</param>
    public LlmJudge(IChatClient client, LlmJudgeOptions options, IResponseCache? cache = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _template = options.TemplatePath is { Length: > 0 } path
            ? JudgeTemplate.Load(path)
            : JudgeTemplate.Parse(options.TemplateText!, $"inline template of judge '{options.Id}'");
        Version = $"llm/{options.JudgeModel}/{_template.ShortHash}";
        _caller = new JudgeModelCaller(
            client, options.JudgeModel, _template.Sha256, options.MaxTokens, options.MaxConcurrency, options.CallTimeout, cache);
        _scores = options.Parser == LlmJudgeParser.Score ? new ScoreReader(options.AllowedScores) : null;
    }

    /// <inheritdoc/>
    public string Id => _options.Id;

    /// <inheritdoc/>
    public string Version { get; }

    /// <summary>The judge cache file, <c>&lt;outputDirectory&gt;/cache/judges.sqlite</c> (open it with
    /// <see cref="SqliteResponseCache.OpenAsync"/>; never the model-response cache file).</summary>
    public static string DefaultCachePath(string outputDirectory) => Path.Combine(outputDirectory, "cache", "judges.sqlite");

    /// <summary>The loaded template (its hash is part of <see cref="Version"/>).</summary>
    public JudgeTemplate Template => _template;

    /// <inheritdoc/>
    public async ValueTask<JudgeVerdict> JudgeAsync(Sample sample, ModelResponse response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(response);
        if (response.Text is null)
        {
            return JudgeVerdict.Skipped("response has no text");
        }

        var target = sample.Target.Expected;
        if (_template.Placeholders.Contains("target") && string.IsNullOrWhiteSpace(target))
        {
            return JudgeVerdict.Skipped($"judge '{Id}' needs a target and the sample has none");
        }

        if (_template.MissingMetadataKey(sample.Metadata) is { } key)
        {
            return JudgeVerdict.Skipped($"judge '{Id}' needs sample metadata '{key}' (template {_template.Source}) and the sample has none");
        }

        var prompt = _template.Fill(response.Text, target, sample.Prompt, JudgeTemplate.BehaviorOf(sample), sample.Metadata);
        var (output, error) = await _caller.CallAsync(prompt, cancellationToken).ConfigureAwait(false);
        return output is null ? new JudgeVerdict(null, null, JudgmentStatus.JudgeError, error) : Parse(output);
    }

    private JudgeVerdict Parse(string output)
    {
        if (_options.Parser == LlmJudgeParser.Raw)
        {
            return new JudgeVerdict(null, null, JudgmentStatus.Ok, output);
        }

        if (string.IsNullOrWhiteSpace(output))
        {
            return new JudgeVerdict(null, null, JudgmentStatus.Unparseable, output);
        }

        if (_scores is not null)
        {
            return _scores.Read(output) is { } score
                ? new JudgeVerdict(ScoreReader.Format(score), score, JudgmentStatus.Ok, output)
                : new JudgeVerdict(null, null, JudgmentStatus.Unparseable, output);
        }

        var (label, status, _) = YesNoJudge.Extract(JudgeText.Normalize(JudgeText.Head(output)));
        return status == JudgmentStatus.Ok
            ? new JudgeVerdict(label, label == "yes" ? 1 : 0, JudgmentStatus.Ok, output)
            : new JudgeVerdict(null, null, status, output);
    }
}
