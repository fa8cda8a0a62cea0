using System.Globalization;
using System.Text;
using System.Text.Json;
using MultiTrust.Sinks.DuckDb;

namespace MultiTrust.Sinks.Reports.DrillDown;

/// <summary>
/// Finds, per task and model of a run, the clean responses its primary judge scored worst (lowest when higher is
/// better, highest otherwise; ties by sample id), with prompt, image references, response and every judge step's
/// verdict, through the DuckDB views over the committed results. Bounded: at most <c>perTask</c> rows per (task, model) leave DuckDB.
/// Stateless and thread-safe.
/// </summary>
public sealed class WorstExamplesQuery
{
    /// <summary>Examples per (task, model) the report shows.</summary>
    public const int DefaultPerTask = 5;

    private readonly QueryRunner _runner = new();

    /// <exception cref="QueryException">DuckDB rejected the query.</exception>
    public async Task<IReadOnlyList<WorstExample>> ReadAsync(
        string outDir, string runId, IReadOnlyList<PrimaryJudge> judges, int perTask = DefaultPerTask, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(perTask);
        if (judges.Count == 0)
        {
            return [];
        }

        var result = await _runner.RunAsync(outDir, Sql(runId, judges, perTask), cancellationToken).ConfigureAwait(false);
        return [.. result.Rows.Select(r => new WorstExample(
            (string)r[0]!, (string)r[1]!, (string)r[2]!, (string)r[3]!, Convert.ToInt64(r[4], CultureInfo.InvariantCulture),
            Convert.ToDouble(r[5], CultureInfo.InvariantCulture), r[6] as string, r[7] as string, r[8] as string, r[9] as string)
        {
            Images = Images(r[10] as string, r[11] as string),
        })];
    }

    /// <summary>
    /// The SQL of the ranking: with <paramref name="perTask"/> it keeps the worst rows of each (task, model); with null it
    /// lists them all for one task and model (the copyable command the report shows).
    /// </summary>
    public static string Sql(string runId, IReadOnlyList<PrimaryJudge> judges, int? perTask, string? taskId = null, string? modelId = null)
    {
        var values = string.Join(", ", judges.Select(j => $"({Q(j.TaskId)}, {Q(j.JudgeId)}, {(j.HigherIsBetter ? "true" : "false")})"));
        var run = Q(runId);
        var filter = new StringBuilder();
        if (taskId is not null)
        {
            filter.Append(" AND j.task_id = ").Append(Q(taskId));
        }

        if (modelId is not null)
        {
            filter.Append(" AND j.model_id = ").Append(Q(modelId));
        }

        // The worst rows are picked first (QUALIFY) and only their verdicts and prompts are gathered (SEMI JOIN): on a
        // million-sample run this keeps DuckDB at a few hundred MB instead of aggregating every judgment and sample.
        return $"""
            WITH primary_judge(task_id, judge_id, higher) AS (VALUES {values}),
            ranked AS (
              SELECT j.model_id, j.task_id, j.sample_id, j.variant_id, j.score,
                row_number() OVER (PARTITION BY j.model_id, j.task_id
                  ORDER BY CASE WHEN p.higher THEN j.score ELSE -j.score END, j.sample_id) AS rank
              FROM judgments j JOIN primary_judge p ON j.task_id = p.task_id AND j.judge_id = p.judge_id
              WHERE j.run_id = {run} AND j.status = 'ok' AND j.score IS NOT NULL AND j.variant_id = 'clean'{filter}
              {(perTask is { } n ? $"QUALIFY rank <= {n.ToString(CultureInfo.InvariantCulture)}" : "")}),
            verdicts AS (
              SELECT j.model_id, j.sample_id, j.variant_id, j.task_id,
                string_agg(j.judge_id || ': ' || j.status || coalesce(' ' || j.label, '') || coalesce(' (score ' || CAST(j.score AS VARCHAR) || ')', ''), '; ' ORDER BY j.judge_id) AS verdicts
              FROM judgments j SEMI JOIN ranked r
                ON j.sample_id = r.sample_id AND j.variant_id = r.variant_id AND j.model_id = r.model_id AND j.task_id = r.task_id
              WHERE j.run_id = {run} GROUP BY ALL),
            prompts AS (
              SELECT s.sample_id, s.variant_id, any_value(s.prompt) AS prompt, any_value(s.image_sha256s) AS image_sha256s, any_value(s.image_paths) AS image_paths
              FROM samples s SEMI JOIN ranked r ON s.sample_id = r.sample_id AND s.variant_id = r.variant_id
              WHERE s.run_id = {run} GROUP BY ALL)
            SELECT r.model_id, r.task_id, r.sample_id, r.variant_id, r.rank, r.score, p.prompt, resp.status, resp.text, v.verdicts,
              p.image_sha256s, p.image_paths
            FROM ranked r
            LEFT JOIN prompts p ON p.sample_id = r.sample_id AND p.variant_id = r.variant_id
            LEFT JOIN responses resp ON resp.run_id = {run} AND resp.sample_id = r.sample_id AND resp.variant_id = r.variant_id AND resp.model_id = r.model_id
            LEFT JOIN verdicts v ON v.sample_id = r.sample_id AND v.variant_id = r.variant_id AND v.model_id = r.model_id AND v.task_id = r.task_id
            ORDER BY r.task_id, r.model_id, r.rank
            """;
    }

    /// <summary>A shell command (single-quoted for POSIX shells) that lists every ranked example of one task and model.</summary>
    public static string Command(string outDir, string runId, PrimaryJudge judge, string modelId)
    {
        var sql = Sql(runId, [judge], perTask: null, judge.TaskId, modelId).ReplaceLineEndings(" ");
        while (sql.Contains("  ", StringComparison.Ordinal))
        {
            sql = sql.Replace("  ", " ", StringComparison.Ordinal);
        }

        return $"multitrust query --out {Shell(outDir)} {Shell(sql.Trim())}";
    }

    /// <summary>
    /// The images of a samples row: <c>image_sha256s</c> (comma-joined) paired with <c>image_paths</c> (a JSON array in the
    /// same order). A path list that is not such an array leaves the paths empty; the hashes still find the blobs.
    /// </summary>
    internal static IReadOnlyList<ExampleImage> Images(string? sha256s, string? pathsJson)
    {
        if (string.IsNullOrEmpty(sha256s))
        {
            return [];
        }

        string?[] paths;
        try
        {
            paths = JsonSerializer.Deserialize<string?[]>(pathsJson ?? "[]") ?? [];
        }
        catch (JsonException)
        {
            paths = [];
        }

        return [.. sha256s.Split(',').Select((sha, i) => new ExampleImage(sha.Trim(), i < paths.Length ? paths[i] ?? "" : ""))];
    }

    private static string Q(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static string Shell(string text) => "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
