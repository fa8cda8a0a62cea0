using System.Net;
using System.Text.RegularExpressions;
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
        Assert.DoesNotContain("QUALIFY", command); // every ranked example, not only the worst few
        Assert.DoesNotContain("\n", command);
    }

    [Fact]
    public void RenderHtml_ExampleWithThumbnail_ImgWithDataUriAltAndSize()
    {
        var image = new ExampleImage(new string('b', 64), "/out/blobs/bb/x.png");
        var withImage = Example(1) with
        {
            SampleId = "s<1>\"",
            Images = [image],
            Thumbnails = [new Thumbnail(1, image, "image/png", [1, 2, 3], 128, 64, null)],
        };

        var html = _writer.RenderHtml(new ReportModel { RunId = "run-1", WorstExamples = [withImage, Example(2)] });

        Assert.Contains("<td><img src=\"data:image/png;base64,AQID\" alt=\"image 1 of sample s&lt;1&gt;&quot;\" width=\"128\" height=\"64\"></td>", html);
        Assert.Single(Regex.Matches(html, "<img "));
        Assert.Contains("<td>none (text-only)</td>", html);
    }

    [Fact]
    public void RenderHtml_ThumbnailOmitted_NoteEncodedInItsCell()
    {
        var image = new ExampleImage(new string('c', 64), "/in/<b>cat</b>.png");
        var example = Example(1) with
        {
            Images = [image],
            Thumbnails = [Thumbnail.Omitted(1, image, $"image missing: sha256 {image.Sha256} at {image.Path}")],
        };

        var html = _writer.RenderHtml(new ReportModel { RunId = "run-1", WorstExamples = [example] });

        Assert.Contains($"<td class=\"not-scored\">image missing: sha256 {image.Sha256} at /in/&lt;b&gt;cat&lt;/b&gt;.png</td>", html);
        Assert.DoesNotContain("<img", html);
        Assert.DoesNotContain("<b>", html);
    }

    [Fact]
    public void RenderHtml_SecondImageOmitted_FirstShownAndSecondNumbered()
    {
        ExampleImage[] images = [new(new string('d', 64), ""), new(new string('e', 64), "")];
        var example = Example(1) with
        {
            Images = images,
            Thumbnails = [new Thumbnail(1, images[0], "image/jpeg", [9], 10, 10, null), Thumbnail.Omitted(2, images[1], DrillDownThumbnails.BudgetReached)],
        };

        var html = _writer.RenderHtml(new ReportModel { RunId = "run-1", WorstExamples = [example] });

        Assert.Contains("<td><img src=\"data:image/jpeg;base64,CQ==\" alt=\"image 1 of sample sample-1\" width=\"10\" height=\"10\">image 2: thumbnail omitted: page image budget reached</td>", html);
    }

    [Fact]
    public void RenderHtml_ContentSecurityPolicy_AllowsOnlyDataImagesBeyondInlineStyle()
    {
        var html = _writer.RenderHtml(new ReportModel { RunId = "run-1" });

        Assert.Contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">", html);
    }

    [Theory]
    [InlineData("", "[]", 0)]
    [InlineData(null, null, 0)]
    [InlineData("aa,bb", "[\"/x/a.png\",\"/y/b.jpg\"]", 2)]
    [InlineData("aa,bb", "not json", 2)]
    public void Images_SamplesRowColumns_PairedInOrder(string? sha256s, string? paths, int count)
    {
        var images = WorstExamplesQuery.Images(sha256s, paths);

        Assert.Equal(count, images.Count);
        if (count == 2)
        {
            Assert.Equal(["aa", "bb"], images.Select(i => i.Sha256));
            Assert.Equal(paths == "not json" ? ["", ""] : ["/x/a.png", "/y/b.jpg"], images.Select(i => i.Path));
        }
    }
}
