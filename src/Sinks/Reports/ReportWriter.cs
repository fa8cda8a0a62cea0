using MultiTrust.Core.Storage;
using System.Text;

namespace MultiTrust.Sinks.Reports;

/// <summary>
/// Writes a run report as <c>report.md</c> and a self-contained, offline <c>report.html</c>. Output is a pure function
/// of the <see cref="ReportModel"/> (no clock, no culture: numbers are formatted invariantly), so the same model always
/// yields the same bytes. Text that may come from a model, a user or a config (ids, notes, the run card) is escaped for
/// each format. Stateless and thread-safe.
/// </summary>
public sealed class ReportWriter
{
    public const string MarkdownFileName = "report.md";
    public const string HtmlFileName = "report.html";

    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The Markdown report text (LF line endings).</summary>
    public string RenderMarkdown(ReportModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return MarkdownReportRenderer.Render(model);
    }

    /// <summary>The HTML report text (LF line endings).</summary>
    public string RenderHtml(ReportModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return HtmlReportRenderer.Render(model);
    }

    /// <summary>
    /// Writes <see cref="MarkdownFileName"/> and <see cref="HtmlFileName"/> into <paramref name="folder"/> (created if
    /// missing), each through a temporary file renamed into place, so a reader never sees a half-written report.
    /// </summary>
    /// <returns>The paths of the Markdown and HTML files.</returns>
    public async Task<(string MarkdownPath, string HtmlPath)> WriteAsync(
        ReportModel model, string folder, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrEmpty(folder);
        Directory.CreateDirectory(folder);
        var markdownPath = Path.Combine(folder, MarkdownFileName);
        var htmlPath = Path.Combine(folder, HtmlFileName);
        await WriteAtomicallyAsync(markdownPath, RenderMarkdown(model), cancellationToken).ConfigureAwait(false);
        await WriteAtomicallyAsync(htmlPath, RenderHtml(model), cancellationToken).ConfigureAwait(false);
        return (markdownPath, htmlPath);
    }

    private static Task WriteAtomicallyAsync(string path, string text, CancellationToken cancellationToken) =>
        AtomicFile.WriteAsync(path, s_utf8.GetBytes(text), overwrite: true, cancellationToken);
}
