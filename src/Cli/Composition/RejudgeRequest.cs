namespace MultiTrust.Cli.Composition;

/// <summary>What <c>multitrust rejudge</c> was asked to do.</summary>
/// <param name="Output">The output folder holding <c>runs/</c>.</param>
/// <param name="Run">Run id or run folder.</param>
/// <param name="Judges">Step ids or judge-model ids to judge again; empty for every step.</param>
/// <param name="ErrorsOnly">Only judgments whose latest status is <c>judge_error</c>.</param>
/// <param name="Pipeline">The pipeline file, or null for the one the run card names.</param>
/// <param name="Overrides">Judge models and data root given on the command line.</param>
internal sealed record RejudgeRequest(
    string Output, string Run, IReadOnlyList<string> Judges, bool ErrorsOnly, string? Pipeline, PipelineOverrides Overrides);
