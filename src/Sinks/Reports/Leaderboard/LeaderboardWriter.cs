using System.Text;
using MultiTrust.Core.Storage;

namespace MultiTrust.Sinks.Reports.Leaderboard;

/// <summary>
/// Writes a <see cref="RunLeaderboard"/> as a self-contained, offline <c>leaderboard.html</c> (no script, no external
/// asset; every text HTML-encoded). Output is a pure function of the leaderboard. Stateless and thread-safe.
/// </summary>
public sealed class LeaderboardWriter
{
    public const string HtmlFileName = "leaderboard.html";

    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The page's HTML text (LF line endings).</summary>
    public string RenderHtml(RunLeaderboard board)
    {
        ArgumentNullException.ThrowIfNull(board);
        return LeaderboardHtmlRenderer.Render(board);
    }

    /// <summary>Writes <see cref="HtmlFileName"/> into <paramref name="folder"/> (created if missing) through a temporary file.</summary>
    /// <returns>The page's path.</returns>
    public async Task<string> WriteAsync(RunLeaderboard board, string folder, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(board);
        ArgumentException.ThrowIfNullOrEmpty(folder);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, HtmlFileName);
        await AtomicFile.WriteAsync(path, s_utf8.GetBytes(RenderHtml(board)), overwrite: true, cancellationToken).ConfigureAwait(false);
        return path;
    }
}
