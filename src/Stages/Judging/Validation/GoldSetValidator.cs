using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;

namespace MultiTrust.Stages.Judging.Validation;

/// <summary>
/// Runs a judge over its <see cref="GoldSet"/> and measures agreement (<see cref="JudgeAgreement"/>, formulas there).
/// The predicted label of a verdict is <c>ambiguous</c> for status Ambiguous, <c>unparseable</c> for Unparseable,
/// otherwise the verdict's label (or, when a judge error or skip leaves it null, the status name such as
/// <c>judge_error</c>). Stateless and thread-safe.
/// </summary>
public static class GoldSetValidator
{
    /// <summary>Judges every gold record (in order) and compares with the gold labels.</summary>
    public static async Task<JudgeAgreement> ValidateAsync(IJudge judge, GoldSet gold, string? positiveLabel, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(judge);
        ArgumentNullException.ThrowIfNull(gold);
        var pairs = new List<GoldPair>(gold.Items.Count);
        foreach (var item in gold.Items)
        {
            var verdict = await judge.JudgeAsync(item.Record.Sample, item.Record.Response, ct).ConfigureAwait(false);
            pairs.Add(new GoldPair(item.Id, item.Class, item.Label, PredictedLabel(verdict)));
        }

        return Compute(judge.Id, judge.Version, positiveLabel, pairs);
    }

    /// <summary>The predicted label of an <see cref="JudgmentStatus.Ambiguous"/> verdict.</summary>
    public const string AmbiguousLabel = "ambiguous";

    /// <summary>The label a verdict is compared with a gold label as.</summary>
    public static string PredictedLabel(JudgeVerdict verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        return verdict.Status switch
        {
            JudgmentStatus.Ambiguous => AmbiguousLabel,
            JudgmentStatus.Unparseable => "unparseable",
            _ => verdict.Label ?? verdict.Status.ToName(),
        };
    }

    /// <summary>Agreement over compared records; see <see cref="JudgeAgreement"/> for the formulas.</summary>
    public static JudgeAgreement Compute(string judgeId, string judgeVersion, string? positiveLabel, IReadOnlyList<GoldPair> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        if (positiveLabel is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(positiveLabel);
        }

        if (pairs.Count == 0)
        {
            throw new ArgumentException("Agreement needs at least one gold record.", nameof(pairs));
        }

        int agree = 0, tp = 0, fp = 0, fn = 0;
        var goldCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        var predictedCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        var disagreements = new List<GoldDisagreement>();
        var ambiguous = 0;
        foreach (var (id, recordClass, gold, predicted) in pairs)
        {
            var same = string.Equals(gold, predicted, StringComparison.Ordinal);
            agree += same ? 1 : 0;
            ambiguous += predicted == AmbiguousLabel ? 1 : 0;
            if (!same)
            {
                disagreements.Add(new GoldDisagreement(id, recordClass, gold, predicted));
            }

            var goldPositive = gold == positiveLabel;
            var predictedPositive = predicted == positiveLabel;
            tp += goldPositive && predictedPositive ? 1 : 0;
            fp += !goldPositive && predictedPositive ? 1 : 0;
            fn += goldPositive && !predictedPositive ? 1 : 0;
            goldCounts[gold] = goldCounts.GetValueOrDefault(gold) + 1;
            predictedCounts[predicted] = predictedCounts.GetValueOrDefault(predicted) + 1;
        }

        double n = pairs.Count;
        var accuracy = agree / n;
        var precision = positiveLabel is null ? double.NaN : Ratio(tp, tp + fp);
        var recall = positiveLabel is null ? double.NaN : Ratio(tp, tp + fn);
        var f1 = positiveLabel is null ? double.NaN : precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        var expected = goldCounts.Sum(g => g.Value / n * (predictedCounts.GetValueOrDefault(g.Key) / n));
        var kappa = expected >= 1 ? 1 : (accuracy - expected) / (1 - expected);
        return new JudgeAgreement(
            judgeId, judgeVersion, positiveLabel, pairs.Count, accuracy, precision, recall, f1, kappa, disagreements, ByClass(pairs), ambiguous);
    }

    private static List<ClassAgreement> ByClass(IReadOnlyList<GoldPair> pairs) =>
    [
        .. pairs
            .GroupBy(p => p.Class, StringComparer.Ordinal)
            .Select(g => new ClassAgreement(
                g.Key,
                g.Count(),
                g.Count(p => p.Gold == p.Predicted),
                [
                    .. g.Where(p => p.Gold != p.Predicted)
                        .GroupBy(p => (p.Gold, p.Predicted))
                        .Select(m => new LabelConfusion(m.Key.Gold, m.Key.Predicted, m.Count()))
                        .OrderByDescending(m => m.Count)
                        .ThenBy(m => m.Gold, StringComparer.Ordinal)
                        .ThenBy(m => m.Predicted, StringComparer.Ordinal),
                ])),
    ];

    private static double Ratio(int numerator, int denominator) => denominator == 0 ? 0 : (double)numerator / denominator;
}
