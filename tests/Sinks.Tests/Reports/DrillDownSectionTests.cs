using System.Net;
using MultiTrust.Sinks.Reports;
using MultiTrust.Sinks.Reports.DrillDown;

namespace MultiTrust.Sinks.Tests.Reports;

public sealed class DrillDownSectionTests
{
    private readonly ReportWriter _writer = new();

    private static WorstExample Example(long rank, string? response = "No.", string task = "t1-basic") =>
        new("m-a", task, "sample-" + rank, "clean", rank, 0, "Is it red? <b>", "answered", response, "yes-no: ok no (score 0)");

    [Fact]
    public void RenderHtml_WorstExamples_TableInRankOrderWithEncodedTextsAndCommand()
    {
        var model = new ReportModel
        {
            RunId = "run-1",
            WorstExamples = [Example(2, "<script>x</script>"), Example(1)],
            DrillDownCommands = [new DrillDownCommand("t1-basic", "m-a", "multitrust query --out 'o' 'SELECT 1'")],
        };

        var html = _writer.RenderHtml(model);

        Assert.Contains("<h2>Worst examples</h2>", html);
        Assert.True(html.IndexOf("sample-1", StringComparison.Ordinal) < html.IndexOf("sample-2", StringComparison.Ordinal));
        Assert.Contains("<td>&lt;script&gt;x&lt;/script&gt;</td>", html);
        Assert.Contains("<td>Is it red? &lt;b&gt;</td>", html);
        Assert.Contains("<pre class=\"command\">multitrust query --out &#39;o&#39; &#39;SELECT 1&#39;</pre>", html);
        Assert.DoesNotContain("<script>", html);
    }

    [Fact]
    public void RenderHtml_LongResponseAndMissingText_CutAndLabelled()
    {
        var model = new ReportModel { RunId = "run-1", WorstExamples = [Example(1, new string('a', 2000)), Example(2, null)] };

        var html = _writer.RenderHtml(model);

        Assert.Contains(new string('a', 800) + " … (cut)", html.Replace(WebUtility.HtmlEncode("…"), "…", StringComparison.Ordinal));
        Assert.DoesNotContain(new string('a', 801), html);
        Assert.Contains("no text (answered)", html);
    }

    [Fact]
    public void RenderHtml_NoWorstExamples_NoSection()
    {
        Assert.DoesNotContain("Worst examples", _writer.RenderHtml(new ReportModel { RunId = "run-1" }));
    }

    [Fact]
    public void Command_QuotesForTheShell_AndListsOneTaskAndModel()
    {
        var command = WorstExamplesQuery.Command("/o/it's", "run-1", new PrimaryJudge("t1-basic", "yes-no", true), "m'a");

        Assert.StartsWith("multitrust query --out '/o/it'\\''s' 'WITH primary_judge", command);
        Assert.Contains("j.model_id = '\\''m'\\'''\\''a'\\''", command); // SQL-doubled quote inside a shell-quoted string
        Assert.DoesNotContain("r.rank <=", command);
        Assert.DoesNotContain("\n", command);
    }
}
