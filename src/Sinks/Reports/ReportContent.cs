using MultiTrust.Core.Records;
using MultiTrust.Sinks.Compare;

namespace MultiTrust.Sinks.Reports;

/// <summary>The report's content as format-neutral tables, so Markdown and HTML show the same facts in the same order.</summary>
internal static class ReportContent
{
    public static IReadOnlyList<string> Models(ReportModel model) =>
        [.. model.Scores.Select(s => s.ModelId).Concat(model.Metrics.Select(m => m.ModelId))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    public static ReportTable RunFacts(ReportModel model)
    {
        var card = model.RunCard;
        string?[][] facts =
        [
            ["Run id", model.RunId],
            ["Pipeline", card.PipelineName],
            ["Suite", card.Suite],
            ["Config hash", card.ConfigHash],
            ["Seed", card.Seed is { } seed ? ReportFormat.Count(seed) : null],
            ["Models", card.Models.Count == 0 ? null : string.Join(", ", card.Models)],
            ["Tasks", card.Tasks.Count == 0 ? null : string.Join(", ", card.Tasks)],
            ["Tool version", card.ToolVersion],
            ["Git commit", card.GitCommit],
            ["Host", card.Host],
            ["Started (UTC)", card.StartedUtc is null ? null : ReportFormat.Time(card.StartedUtc)],
            ["Finished (UTC)", card.FinishedUtc is null ? null : ReportFormat.Time(card.FinishedUtc)],
            ["Retries (extra attempts)", ReportFormat.Count(model.RetryTotal)],
            ["Cache hits", ReportFormat.Count(model.CacheHits)],
        ];
        return new ReportTable(
            [new("Fact"), new("Value")],
            [.. facts.Select(f => (IReadOnlyList<ReportCell>)[f[0]!, ReportFormat.Text(f[1])])]);
    }

    public static ReportTable Scores(ReportModel model, string modelId)
    {
        var rows = model.Scores
            .Where(s => s.ModelId == modelId)
            .OrderBy(s => LevelRank(s.Level)) // stable: input order within a level
            .Select(s => (IReadOnlyList<ReportCell>)
            [
                s.Level, s.Key, new ReportCell(ReportFormat.Score(s), s.Value is null), ReportFormat.Text(s.Note),
            ]);
        return new ReportTable([new("Level"), new("Key"), new("Score (0–100)", Numeric: true), new("Note")], [.. rows]);
    }

    /// <summary>True when some metric row is measured on a perturbed variant: the metrics tables then show a Variant column.</summary>
    public static bool HasVariants(ReportModel model) =>
        model.Metrics.Any(m => !string.Equals(m.Variant, PerturbationEffects.CleanVariantId, StringComparison.Ordinal));

    public static ReportTable Metrics(ReportModel model, string modelId)
    {
        var variants = HasVariants(model);
        var rows = model.Metrics
            .Where(m => m.ModelId == modelId)
            .Select(m => (IReadOnlyList<ReportCell>)
            [
                m.TaskId,
                m.Subset,
                .. variants ? new ReportCell[] { m.Variant } : [],
                m.Metric,
                new ReportCell(m.Value is null ? "no judged responses" : ReportFormat.Percent(m.Value), m.Value is null),
                ReportFormat.Count(m.N),
                ReportFormat.Interval(m.CiLow, m.CiHigh),
                ReportFormat.Count(m.Excluded),
            ]);
        return new ReportTable(
            [new("Task"), new("Subset"), .. variants ? new ReportColumn[] { new("Variant") } : [], new("Metric"), new("Value", true),
             new("n", true), new("95% CI", true), new("Excluded", true)],
            [.. rows]);
    }

    /// <summary>
    /// Protocol judges next to this project's validated judges, where a task runs both: per model and task, each metric
    /// measured both ways (<c>m</c> and <c>m_validated</c>, whole task, clean) and the rate at which the two judges
    /// disagree on the same responses (<c>disagreement_*</c>). Empty when no task runs both.
    /// </summary>
    public static ReportTable JudgeAgreement(ReportModel model)
    {
        var clean = model.Metrics
            .Where(m => m.Subset == "all" && string.Equals(m.Variant, PerturbationEffects.CleanVariantId, StringComparison.Ordinal))
            .ToList();
        var rows = new List<IReadOnlyList<ReportCell>>();
        foreach (var validated in clean.Where(m => m.Metric.EndsWith(ValidatedSuffix, StringComparison.Ordinal)))
        {
            var name = validated.Metric[..^ValidatedSuffix.Length];
            var protocol = clean.FirstOrDefault(m => m.ModelId == validated.ModelId && m.TaskId == validated.TaskId && m.Metric == name);
            var disagreement = clean.FirstOrDefault(m => m.ModelId == validated.ModelId && m.TaskId == validated.TaskId
                && m.Metric.StartsWith(DisagreementPrefix, StringComparison.Ordinal));
            rows.Add(
            [
                validated.ModelId, validated.TaskId, name,
                new ReportCell(ReportFormat.Percent(protocol?.Value), protocol?.Value is null),
                new ReportCell(ReportFormat.Percent(validated.Value), validated.Value is null),
                new ReportCell(ReportFormat.Percent(disagreement?.Value), disagreement?.Value is null),
                ReportFormat.Count(disagreement?.N ?? 0),
            ]);
        }

        return new ReportTable(
            [new("Model"), new("Task"), new("Metric"), new("Protocol judge", true), new("Validated judge", true), new("Disagreement", true), new("n compared", true)],
            rows);
    }

    /// <summary>Suffix of a metric measured with this project's validated judge.</summary>
    public const string ValidatedSuffix = "_validated";

    /// <summary>Prefix of a protocol-vs-validated disagreement rate.</summary>
    public const string DisagreementPrefix = "disagreement_";

    public static IReadOnlyList<string> PerturbationModels(ReportModel model) =>
        [.. model.PerturbationEffects.Select(e => e.ModelId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>The clean-vs-perturbed rows of one model, sorted by task, metric and variant (ordinal).</summary>
    public static ReportTable Perturbations(ReportModel model, string modelId)
    {
        var rows = model.PerturbationEffects
            .Where(e => e.ModelId == modelId)
            .OrderBy(e => e.TaskId, StringComparer.Ordinal)
            .ThenBy(e => e.Metric, StringComparer.Ordinal)
            .ThenBy(e => e.Variant, StringComparer.Ordinal)
            .Select(e => (IReadOnlyList<ReportCell>)
            [
                e.TaskId,
                e.Metric,
                e.Variant,
                ReportFormat.Count(e.NPairs),
                ReportFormat.Percent(e.CleanValue),
                ReportFormat.Percent(e.PerturbedValue),
                ReportFormat.Points(e.Delta),
                ReportFormat.PointsInterval(e.CiLow, e.CiHigh),
                ReportFormat.Discordant(e.McNemarB, e.McNemarC),
                ReportFormat.PValue(e.PValue),
            ]);
        return new ReportTable(
            [new("Task"), new("Metric"), new("Variant"), new("n pairs", true), new("Clean", true), new("Perturbed", true),
             new("Delta (pp)", true), new("95% CI of delta (pp)", true), new("McNemar b/c", true), new("p-value", true)],
            [.. rows]);
    }

    /// <summary>Per model and task: judgments judged, how many were ambiguous, and the ambiguous rate.</summary>
    public static ReportTable Ambiguous(ReportModel model)
    {
        var rows = model.AmbiguousCounts
            .OrderBy(a => a.ModelId, StringComparer.Ordinal)
            .ThenBy(a => a.TaskId, StringComparer.Ordinal)
            .Select(a => (IReadOnlyList<ReportCell>)
            [
                a.ModelId, a.TaskId, ReportFormat.Count(a.Judged), ReportFormat.Count(a.Ambiguous),
                ReportFormat.Percent(a.Judged == 0 ? null : (double)a.Ambiguous / a.Judged),
            ]);
        return new ReportTable(
            [new("Model"), new("Task"), new("Judged", true), new("Ambiguous", true), new("Ambiguous rate", true)], [.. rows]);
    }

    public static ReportTable Errors(ReportModel model)
    {
        var rows = model.ErrorCounts
            .OrderBy(e => e.ModelId, StringComparer.Ordinal)
            .ThenBy(e => e.TaskId, StringComparer.Ordinal)
            .ThenBy(e => e.Status, StringComparer.Ordinal)
            .Select(e => (IReadOnlyList<ReportCell>)[e.ModelId, e.TaskId, e.Status, ReportFormat.Count(e.Count)]);
        return new ReportTable([new("Model"), new("Task"), new("Status"), new("Count", true)], [.. rows]);
    }

    private static int LevelRank(string level) => level switch
    {
        "task" => 0,
        "sub_aspect" => 1,
        "overall" => 2,
        _ => 3,
    };
}
