using MultiTrust.Core.Records;

namespace MultiTrust.Core.Contracts;

/// <summary>
/// Runs a verdict chain (judges in order, later steps reading earlier verdicts) on one response: the one place the
/// engine, <c>multitrust judge</c> and tests run chains. A response without text gets a skipped verdict from every
/// step; a judge that throws gets a judge-error verdict (it never faults the caller).
/// </summary>
public static class VerdictChainRunner
{
    private static readonly IReadOnlyDictionary<string, JudgeVerdict> s_none = new Dictionary<string, JudgeVerdict>();

    /// <summary>The verdict of every step, in chain order. Throws only when <paramref name="cancellationToken"/> is cancelled.</summary>
    public static async Task<IReadOnlyList<(IJudge Judge, JudgeVerdict Verdict)>> RunAsync(
        IReadOnlyList<IJudge> chain, Sample sample, ModelResponse response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chain);
        var result = new List<(IJudge, JudgeVerdict)>(chain.Count);
        Dictionary<string, JudgeVerdict>? earlier = null;
        foreach (var judge in chain)
        {
            if (!Applies(judge, sample, earlier))
            {
                continue;
            }

            JudgeVerdict verdict;
            if (!response.Status.HasText())
            {
                verdict = JudgeVerdict.Skipped($"response status {response.Status.ToName()}");
            }
            else
            {
                try
                {
                    verdict = judge is IVerdictStep step
                        ? await step.JudgeAsync(sample, response, (IReadOnlyDictionary<string, JudgeVerdict>?)earlier ?? s_none, cancellationToken).ConfigureAwait(false)
                        : await judge.JudgeAsync(sample, response, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    throw;
                }
                catch (Exception e)
                {
                    verdict = new JudgeVerdict(null, null, JudgmentStatus.JudgeError, $"{e.GetType().Name}: {e.Message}");
                }
            }

            (earlier ??= new Dictionary<string, JudgeVerdict>(StringComparer.Ordinal))[judge.Id] = verdict;
            result.Add((judge, verdict));
        }

        return result;
    }

    // A subset-scoped step outside its subsets, or a step over absent inputs, does not run (no row).
    private static bool Applies(IJudge judge, Sample sample, Dictionary<string, JudgeVerdict>? earlier)
    {
        if (judge is IScopedJudge scoped && !scoped.AppliesTo(sample))
        {
            return false;
        }

        if (judge is not IVerdictStep step || step.Inputs.Count == 0)
        {
            return true;
        }

        var present = step.Inputs.Count(i => earlier?.ContainsKey(i) == true);
        return step.AcceptsMissingInputs ? present > 0 : present == step.Inputs.Count;
    }
}
