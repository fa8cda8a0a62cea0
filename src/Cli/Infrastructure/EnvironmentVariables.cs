namespace MultiTrust.Cli.Infrastructure;

/// <summary>
/// The environment variables the CLI itself reads (besides the <c>api_key_env</c> names a pipeline declares and <c>CI</c>),
/// documented in docs/scale-out.md. The deployment manifests set them; a test holds the manifests to this list.
/// </summary>
public static class EnvironmentVariables
{
    /// <summary>The shard index that Kubernetes sets in every pod of an Indexed Job (<c>run</c> uses it as <c>--shard</c>'s k).</summary>
    public const string JobCompletionIndex = "JOB_COMPLETION_INDEX";

    /// <summary>The shard count N (the Job's <c>completions</c>); Kubernetes does not set it, the manifest does.</summary>
    public const string JobCompletions = "JOB_COMPLETIONS";

    /// <summary>The shard count where <see cref="JobCompletions"/> is not set.</summary>
    public const string Shards = "MULTITRUST_SHARDS";

    /// <summary>The run id of <c>run</c> where <c>--run-id</c> is not given; every shard of a run shares it.</summary>
    public const string RunId = "MULTITRUST_RUN_ID";

    /// <summary>The folder of the SQLite caches (responses, judges, perturbations); default <c>&lt;out&gt;/cache</c>.</summary>
    public const string CacheDir = "MULTITRUST_CACHE_DIR";

    /// <summary>Every variable above.</summary>
    public static IReadOnlyList<string> All { get; } = [JobCompletionIndex, JobCompletions, Shards, RunId, CacheDir];
}
