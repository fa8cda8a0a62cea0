using System.Globalization;
using System.Text;

namespace MultiTrust.Sinks.Compare;

/// <summary>
/// Renders a <see cref="RunComparison"/> as compact Markdown for a CI comment: a header naming both runs and models,
/// the counts, then one table with regressions first, then improvements, unchanged and untested rows. Rows with no value
/// on either side (scores neither run could compute) are counted, not listed. Stateless.
/// </summary>
public static class ComparisonMarkdown
{
    public static string Render(RunComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var text = new StringBuilder();
        text.AppendLine("## MultiTrust run comparison");
        text.AppendLine();
        Line(text, $"- **A:** `{comparison.RunA}` · **B:** `{comparison.RunB}` · alpha {comparison.Alpha:0.###}");
        foreach (var pair in comparison.Models)
        {
            Line(text, $"- models: `{pair.ModelA}` (A) vs `{pair.ModelB}` (B)");
        }

        var metrics = comparison.Rows.Where(r => r.Level == ComparisonLevels.Metric).ToList();
        var (regressed, improved) = (Count(metrics, ComparisonStatus.Regressed), Count(metrics, ComparisonStatus.Improved));
        var (unchanged, untested) = (Count(metrics, ComparisonStatus.Unchanged), Count(metrics, ComparisonStatus.Untested));
        Line(text, $"- metrics: **{regressed} regressed**, {improved} improved, {unchanged} unchanged, {untested} untested");
        text.AppendLine();
        var twoModels = comparison.Models.Count > 1;
        text.AppendLine(twoModels
            ? "| status | model | level | task / key | metric | A | B | Δ (B − A) | 95% CI | p | test |"
            : "| status | level | task / key | metric | A | B | Δ (B − A) | 95% CI | p | test |");
        text.AppendLine(twoModels ? "|---|---|---|---|---|---|---|---|---|---|---|" : "|---|---|---|---|---|---|---|---|---|---|");
        var ordered = comparison.Rows
            .Where(r => r.ValueA is not null || r.ValueB is not null)
            .OrderBy(r => ComparisonStatus.Order(r.Status))
            .ThenBy(r => ComparisonLevels.Order(r.Level))
            .ThenBy(r => r.Key, StringComparer.Ordinal)
            .ThenBy(r => r.Metric, StringComparer.Ordinal);
        foreach (var row in ordered)
        {
            var digits = row.Level == ComparisonLevels.Metric ? "0.000" : "0.00";
            var ci = row.CiLow is { } low && row.CiHigh is { } high ? $"[{Number(low, digits)}, {Number(high, digits)}]" : "–";
            var test = row.Paired ? $"paired, n={row.NPairs}" : row.PValue is null ? "–" : $"unpaired, n={row.NA}/{row.NB}";
            var model = twoModels ? $" {Cell(row.ModelA == row.ModelB ? row.ModelA : $"{row.ModelA} → {row.ModelB}")} |" : string.Empty;
            var metric = Cell(row.Metric) + (row.HigherIsBetter ? " ↑" : " ↓");
            var values = $"{Number(row.ValueA, digits)} | {Number(row.ValueB, digits)} | {Signed(row.Delta, digits)}";
            Line(text, $"| {Badge(row.Status)} |{model} {row.Level} | {Cell(row.Key)} | {metric} | {values} | {ci} | {P(row.PValue)} | {test} |");
        }

        var empty = comparison.Rows.Count(r => r.ValueA is null && r.ValueB is null);
        if (empty > 0)
        {
            text.AppendLine();
            Line(text, $"{empty} rows without a value in either run (scores that neither run could compute) are left out; see compare.json.");
        }

        return text.ToString();
    }

    private static int Count(List<ComparisonRow> rows, string status) => rows.Count(r => r.Status == status);

    private static string Badge(string status) => status switch
    {
        ComparisonStatus.Regressed => "🔴 regressed",
        ComparisonStatus.Improved => "🟢 improved",
        ComparisonStatus.Unchanged => "unchanged",
        _ => "untested",
    };

    private static string Number(double? value, string format) =>
        value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "–";

    private static string Signed(double? value, string format) =>
        value is { } v ? (v > 0 ? "+" : string.Empty) + v.ToString(format, CultureInfo.InvariantCulture) : "–";

    private static string P(double? p) => p switch
    {
        null => "–",
        < 0.0001 => "<0.0001",
        { } v => v.ToString("0.0000", CultureInfo.InvariantCulture),
    };

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);

    private static void Line(StringBuilder text, FormattableString line) => text.AppendLine(line.ToString(CultureInfo.InvariantCulture));
}
