namespace MultiTrust.Cli.Composition;

/// <summary>
/// Which run a <c>run</c> writes: a new one (the default: every plain <c>run</c> is a new run), the latest unfinished
/// run of the same configuration (<c>--resume</c>), or a named one (<c>--resume RUN</c>).
/// </summary>
internal sealed record RunIntent
{
    /// <summary>A new run.</summary>
    public static RunIntent NewRun { get; } = new();

    /// <summary>Continue an unfinished run instead of starting one.</summary>
    public bool Resume { get; init; }

    /// <summary>The run to continue (<c>--resume RUN</c>); null for the latest unfinished run of the configuration.</summary>
    public string? RunId { get; init; }

    /// <summary>The command line of this run without <c>--resume</c> / <c>--run-id</c> (printed to start a new run).</summary>
    public string CommandLine { get; init; } = "multitrust run FILE";

    /// <summary>The exact command that resumes run <paramref name="runId"/> (printed when a run stops before it is complete).</summary>
    public string ResumeCommandFor(string runId) => $"{CommandLine} --resume {runId}";
}
