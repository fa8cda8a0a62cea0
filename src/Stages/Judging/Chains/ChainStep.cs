using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;

namespace MultiTrust.Stages.Judging.Chains;

/// <summary>
/// Base of the verdict-chain combinators: a step that reads earlier verdicts of the same item. Called without them
/// (as a plain <see cref="IJudge"/>) it reports its inputs as missing. Stateless and thread-safe.
/// </summary>
internal abstract class ChainStep(string id, string version, IReadOnlyList<string> inputs) : IVerdictStep
{
    public string Id { get; } = id;

    public string Version { get; } = version;

    public IReadOnlyList<string> Inputs { get; } = inputs;

    public ValueTask<JudgeVerdict> JudgeAsync(Sample sample, ModelResponse response, CancellationToken cancellationToken) =>
        JudgeAsync(sample, response, new Dictionary<string, JudgeVerdict>(), cancellationToken);

    public ValueTask<JudgeVerdict> JudgeAsync(
        Sample sample, ModelResponse response, IReadOnlyDictionary<string, JudgeVerdict> earlier, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(earlier);
        foreach (var input in Inputs)
        {
            if (!earlier.ContainsKey(input) && !((IVerdictStep)this).AcceptsMissingInputs)
            {
                return ValueTask.FromResult(new JudgeVerdict(null, null, JudgmentStatus.JudgeError,
                    $"step '{Id}' reads step '{input}', which has not run before it"));
            }
        }

        return Decide(sample, response, earlier, cancellationToken);
    }

    protected abstract ValueTask<JudgeVerdict> Decide(
        Sample sample, ModelResponse response, IReadOnlyDictionary<string, JudgeVerdict> earlier, CancellationToken cancellationToken);

    /// <summary>True / false for an ok verdict with a score (score ≥ 0.5 is true); null when the verdict did not decide.</summary>
    protected static bool? Truth(JudgeVerdict verdict) =>
        verdict.Status == JudgmentStatus.Ok && verdict.Score is { } s ? s >= 0.5 : null;

    /// <summary>The status that explains why undecided inputs did not decide: judge error, then unparseable, ambiguous, skipped.</summary>
    protected static JudgeVerdict Undecided(string id, IEnumerable<(string Step, JudgeVerdict Verdict)> inputs)
    {
        var worst = inputs
            .Where(i => Truth(i.Verdict) is null)
            .OrderBy(i => Rank(i.Verdict))
            .First();
        var status = worst.Verdict.Status == JudgmentStatus.Ok ? JudgmentStatus.Skipped : worst.Verdict.Status;
        return new JudgeVerdict(null, null, status, $"{id}: step '{worst.Step}' did not decide ({Describe(worst.Verdict)})");
    }

    protected static JudgeVerdict Bool(bool value, string raw) => new(value ? "true" : "false", value ? 1 : 0, JudgmentStatus.Ok, raw);

    private static string Describe(JudgeVerdict verdict) =>
        verdict.Status == JudgmentStatus.Ok ? "no score" : $"{JudgmentStatusNames.ToName(verdict.Status)}{(verdict.Raw is null ? "" : ": " + verdict.Raw)}";

    private static int Rank(JudgeVerdict verdict) => verdict.Status switch
    {
        JudgmentStatus.JudgeError => 0,
        JudgmentStatus.Unparseable => 1,
        JudgmentStatus.Ambiguous => 2,
        JudgmentStatus.Skipped => 3,
        _ => 4,
    };
}
