using MultiTrust.Core.Records;

namespace MultiTrust.Core.Contracts;

/// <summary>
/// Runs a verdict chain (judges in order, later steps reading earlier verdicts) on one response, one step after the
/// other: the one place <c>multitrust judge</c> and tests run chains; the engine runs the same
/// <see cref="VerdictChainRun"/> with independent steps at the same time. A response without text gets a skipped verdict
/// from every step; a judge that throws gets a judge-error verdict (it never faults the caller).
/// </summary>
public static class VerdictChainRunner
{
    /// <summary>The verdict of every step that applies, in chain order. Throws only when <paramref name="cancellationToken"/> is cancelled.</summary>
    public static async Task<IReadOnlyList<(IJudge Judge, JudgeVerdict Verdict)>> RunAsync(
        IReadOnlyList<IJudge> chain, Sample sample, ModelResponse response, CancellationToken cancellationToken)
    {
        var run = new VerdictChainRun(chain, sample, response);
        for (var ready = run.TakeReady(); ready.Count > 0; ready = run.TakeReady())
        {
            foreach (var step in ready)
            {
                run.Complete(step, await run.JudgeAsync(step, cancellationToken).ConfigureAwait(false));
            }
        }

        return run.Verdicts;
    }
}
