namespace MultiTrust.Core.Pipeline;

/// <summary>A validated pipeline: what to run, against which models, where to write.</summary>
/// <param name="Name">Pipeline name (used in the default run id).</param>
/// <param name="Seed">Run seed: generators, random baselines and bootstrap all derive from it.</param>
/// <param name="Output">Output folder (absolute).</param>
/// <param name="RunId">Explicit run id, or null to derive one from the configuration hash and the start time.</param>
/// <param name="Judges">Judge ids to run, or empty for every judge the tasks declare.</param>
/// <param name="Cache">Whether responses are cached and looked up in <c>&lt;out&gt;/cache</c> (see <see cref="CacheReuse"/>).</param>
/// <param name="Report">Whether <c>report.md</c>/<c>report.html</c> are written at the end of the run.</param>
public sealed record PipelineDefinition(
    string Name,
    string? Description,
    long Seed,
    string Output,
    string? RunId,
    IReadOnlyList<TaskSelection> Tasks,
    IReadOnlyList<ModelDefinition> Models,
    IReadOnlyList<string> Judges,
    bool Cache,
    bool Report,
    string SourcePath)
{
    /// <summary>Model- and service-backed judges with their settings (<c>judge_models</c>); empty when none.</summary>
    public IReadOnlyList<JudgeModelDefinition> JudgeModels { get; init; } = [];

    /// <summary>The official release's root folder (<c>data_root:</c> or <c>--data</c>, absolute), or null.</summary>
    public string? DataRoot { get; init; }

    /// <summary>The suite tasks read from unless a task says otherwise (<c>source:</c>; default <c>synthetic</c>).</summary>
    public string Source { get; init; } = "synthetic";

    /// <summary>
    /// Whether a run may answer from response-cache entries that other runs wrote (<c>cache: {reuse: true}</c> or
    /// <c>--reuse-cache</c>; default false: a run answers only from entries it wrote itself, which is what resume needs).
    /// Operational, not part of the configuration hash.
    /// </summary>
    public bool CacheReuse { get; init; }

    /// <summary>Run the tasks whose data is present and report the others as not scored (<c>--skip-missing</c>).</summary>
    public bool SkipMissing { get; init; }
}
