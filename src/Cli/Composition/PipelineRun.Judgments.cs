using System.Globalization;
using MultiTrust.Cli.Infrastructure;
using MultiTrust.Core.Contracts;
using MultiTrust.Sinks.Results;
using Spectre.Console;

namespace MultiTrust.Cli.Composition;

/// <summary>What a resumed run judges again, and what a stopped run says it kept.</summary>
internal sealed partial class PipelineRun
{
    /// <summary>
    /// A judge_error is never final: on resume, the committed results whose latest judgment of some step is a
    /// <c>judge_error</c> are judged again with their committed response (the model is not called). Null for a new run.
    /// </summary>
    private static async Task<ICommittedResults?> ReadJudgeErrorsAsync(RunStore store, string runDir, ICompletedKeys completed) =>
        completed.Count == 0 ? null : await store.ReadCommittedResultsAsync(runDir, RejudgeSelection.Errors, CancellationToken.None);

    private static void PrintJudgeErrors(IAnsiConsole console, ICommittedResults? judgeErrors)
    {
        if (judgeErrors is { Count: > 0 })
        {
            console.Line(string.Create(CultureInfo.InvariantCulture,
                $"judging again: {judgeErrors.Count} committed response(s) with judge_error judgments (their responses are reused; the model is not called)"));
        }
    }

    /// <summary>The judge_error judgments (latest revisions) a finished run or rejudge leaves.</summary>
    private static long JudgeErrorsLeft(RunFinalizer.Outcome outcome) =>
        outcome.Tally.Counts().Where(c => c.Status == "judge_error").Sum(c => (long)c.Count);

    /// <summary>How much of a stopped attempt was kept, for the stop message.</summary>
    private static string Kept(RunProgress progress)
    {
        var kept = string.Create(CultureInfo.InvariantCulture, $"{progress.Committed} result(s) completed in this attempt before the stop were committed and kept");
        if (progress.SkippedCommitted > 0)
        {
            kept += string.Create(CultureInfo.InvariantCulture, $" ({progress.SkippedCommitted} more from earlier attempts)");
        }

        return progress.Rejudged > 0 ? kept + string.Create(CultureInfo.InvariantCulture, $", {progress.Rejudged} response(s) judged again") : kept;
    }
}
