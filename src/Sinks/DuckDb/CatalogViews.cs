using MultiTrust.Sinks.Metrics;
using MultiTrust.Sinks.Results;
using Parquet.Schema;

namespace MultiTrust.Sinks.DuckDb;

/// <summary>
/// Produces the DuckDB statements that create the views <c>samples</c>, <c>responses</c>, <c>judgments</c> (the latest
/// judgment of each response and judge), <c>judgment_history</c> (every judgments row, superseded revisions included),
/// <c>metrics</c>, <c>scores</c>, <c>paired</c> and <c>runs</c> over every run under <c>&lt;out&gt;/runs/*/</c>. The
/// partitioned tables list exactly the committed part files (from the commit markers, so a crashed, unrecovered commit is
/// never visible) and are read with <c>hive_partitioning</c> (adding the VARCHAR column <c>task</c>) and
/// <c>union_by_name</c>. The per-run files (<c>metrics.parquet</c>, <c>scores.parquet</c>, <c>paired.parquet</c>) are read
/// by name and always carry every documented column: a column missing from an older file reads as NULL, except
/// <c>metrics.variant</c>, which reads as <c>clean</c> (files written before variants existed hold clean metrics only).
/// A table with no files yet becomes an empty view with the documented columns. All paths are absolute. The views are a
/// snapshot of the files present when the statements were built.
/// </summary>
public sealed class CatalogViews
{
    /// <summary>The name of the view over every committed judgments row, superseded revisions included.</summary>
    public const string JudgmentHistoryViewName = "judgment_history";

    /// <summary>The name of the view over every run's <c>paired.parquet</c>.</summary>
    public const string PairedView = "paired";

    private const string PartitionColumn = "task";

    private readonly RunStore _store;

    public CatalogViews(RunStore? store = null) => _store = store ?? new RunStore();

    /// <summary>The <c>CREATE OR REPLACE VIEW</c> statements, one per view, without trailing semicolons.</summary>
    public IReadOnlyList<string> BuildStatements(string outDir)
    {
        var runsDir = Path.Combine(Path.GetFullPath(outDir), "runs");
        var runDirs = Directory.Exists(runsDir)
            ? Directory.EnumerateDirectories(runsDir).Order(StringComparer.Ordinal).ToList()
            : [];
        var commits = runDirs.Select(d => (Dir: d, Commits: _store.ReadCommits(d))).ToList();

        List<string> PartsOf(string table, bool revisedOnly = false) =>
            [.. commits.SelectMany(r => r.Commits.SelectMany(m => m.Parts)
                .Where(p => p.Table == table && (!revisedOnly || p.MaxRevision > 0))
                .Select(p => Path.GetFullPath(Path.Combine(r.Dir, p.Path))))];

        List<string> FilesNamed(string fileName) =>
            [.. runDirs.Select(d => Path.Combine(d, fileName)).Where(File.Exists)];

        return
        [
            PartitionedView(TableNames.Samples, SampleTable.Schema, PartsOf(TableNames.Samples)),
            PartitionedView(TableNames.Responses, ResponseTable.Schema, PartsOf(TableNames.Responses)),
            JudgmentHistoryView(PartsOf(TableNames.Judgments)),
            LatestJudgmentsView(PartsOf(TableNames.Judgments, revisedOnly: true)),
            FileView(TableNames.Metrics, MetricTable.Schema, FilesNamed(MetricsTableWriter.MetricsFileName), ("variant", "clean")),
            FileView(TableNames.Scores, ScoreTable.Schema, FilesNamed(MetricsTableWriter.ScoresFileName)),
            FileView(PairedView, PairedTable.Schema, FilesNamed(PairedTableWriter.FileName)),
            RunsView(runDirs),
        ];
    }

    /// <summary>All statements as one script.</summary>
    public string BuildSql(string outDir) => string.Join(";\n", BuildStatements(outDir)) + ";\n";

    private static string PartitionedView(string name, ParquetSchema schema, List<string> files) => files.Count == 0
        ? $"CREATE OR REPLACE VIEW {name} AS {SqlText.EmptySelect(schema, PartitionColumn)}"
        : $"CREATE OR REPLACE VIEW {name} AS SELECT * FROM read_parquet({SqlText.PathList(files)}, " +
          $"hive_partitioning = true, union_by_name = true, hive_types = {{'{PartitionColumn}': VARCHAR}})";

    /// <summary>
    /// Every committed judgments row, superseded revisions included. Unioned by name with the empty typed SELECT so
    /// <c>revision</c> exists even over parts written before it (where it reads 0).
    /// </summary>
    private static string JudgmentHistoryView(List<string> files) => files.Count == 0
        ? $"CREATE OR REPLACE VIEW {JudgmentHistoryViewName} AS {SqlText.EmptySelect(JudgmentTable.Schema, PartitionColumn)}"
        : $"CREATE OR REPLACE VIEW {JudgmentHistoryViewName} AS SELECT * REPLACE (coalesce(revision, 0) AS revision) FROM (" +
          $"{SqlText.EmptySelect(JudgmentTable.Schema, PartitionColumn)} UNION ALL BY NAME SELECT * FROM read_parquet({SqlText.PathList(files)}, " +
          $"hive_partitioning = true, union_by_name = true, hive_types = {{'{PartitionColumn}': VARCHAR}}))";

    /// <summary>
    /// The latest judgment of every (run, sample, variant, model, judge): a row is hidden when a higher revision of it is
    /// committed. Only parts whose commit marker says they hold revised rows are searched for higher revisions.
    /// </summary>
    private static string LatestJudgmentsView(List<string> revisedFiles)
    {
        if (revisedFiles.Count == 0)
        {
            return $"CREATE OR REPLACE VIEW {TableNames.Judgments} AS SELECT * FROM {JudgmentHistoryViewName}";
        }

        var latest = $"SELECT run_id, sample_id, variant_id, model_id, judge_id, max(revision) AS latest FROM read_parquet({SqlText.PathList(revisedFiles)}, " +
            "union_by_name = true) GROUP BY ALL";
        return $"CREATE OR REPLACE VIEW {TableNames.Judgments} AS SELECT h.* FROM {JudgmentHistoryViewName} h WHERE NOT EXISTS (" +
            $"SELECT 1 FROM ({latest}) r WHERE r.run_id = h.run_id AND r.sample_id = h.sample_id AND r.variant_id = h.variant_id " +
            "AND r.model_id = h.model_id AND r.judge_id = h.judge_id AND r.latest > h.revision)";
    }

    /// <summary>
    /// A view over one file per run. The empty typed SELECT is unioned by name with the files, so every schema column exists
    /// (in schema order) even when no file has it; <paramref name="defaults"/> replace NULLs of such columns.
    /// </summary>
    private static string FileView(string name, ParquetSchema schema, List<string> files, params (string Column, string Value)[] defaults)
    {
        if (files.Count == 0)
        {
            return $"CREATE OR REPLACE VIEW {name} AS {SqlText.EmptySelect(schema)}";
        }

        var union = $"{SqlText.EmptySelect(schema)} UNION ALL BY NAME SELECT * FROM read_parquet({SqlText.PathList(files)}, union_by_name = true)";
        var replace = defaults.Length == 0
            ? ""
            : " REPLACE (" + string.Join(", ", defaults.Select(d =>
                $"coalesce({SqlText.Identifier(d.Column)}, {SqlText.Literal(d.Value)}) AS {SqlText.Identifier(d.Column)}")) + ")";
        return $"CREATE OR REPLACE VIEW {name} AS SELECT *{replace} FROM ({union})";
    }

    private static string RunsView(List<string> runDirs)
    {
        if (runDirs.Count == 0)
        {
            return "CREATE OR REPLACE VIEW runs AS SELECT CAST(NULL AS VARCHAR) AS run_id, CAST(NULL AS VARCHAR) AS run_json_path WHERE false";
        }

        var values = string.Join(", ", runDirs.Select(d =>
        {
            var card = Path.Combine(d, "run.json");
            return $"({SqlText.Literal(Path.GetFileName(d))}, {(File.Exists(card) ? SqlText.Literal(card.Replace('\\', '/')) : "CAST(NULL AS VARCHAR)")})";
        }));
        var cards = runDirs.Select(d => Path.Combine(d, "run.json")).Where(File.Exists).ToList();
        var list = $"SELECT * FROM (VALUES {values}) AS r(run_id, run_json_path)";
        return cards.Count == 0
            ? $"CREATE OR REPLACE VIEW runs AS {list}"
            : $"CREATE OR REPLACE VIEW runs AS SELECT r.run_id, r.run_json_path, c.* EXCLUDE (filename) FROM ({list}) AS r " +
              $"LEFT JOIN (SELECT COLUMNS(name -> name <> 'run_id') FROM read_json_auto({SqlText.PathList(cards)}, filename = true, union_by_name = true)) AS c " +
              "ON c.filename = r.run_json_path";
    }
}
