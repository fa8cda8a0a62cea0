namespace MultiTrust.Stages.Perturbation.Text;

/// <summary>QWERTY neighbours of each lower-case letter (same row and the rows above and below).</summary>
internal static class KeyboardLayout
{
    private static readonly string[] s_neighbours =
    [
        "qwsz", "vghn", "xdfv", "serfcx", "wsdr", "drtgvc", "ftyhbv", "gyujnb", "ujko", "huikmn", "jiolm", "kop",
        "njk", "bhjm", "iklp", "ol", "wa", "edft", "awedxz", "rfgy", "yhji", "cfgb", "qase", "zsdc", "tghu", "asx",
    ];

    /// <summary>A neighbour of ASCII letter <paramref name="c"/> chosen by <paramref name="choice"/>, in the same case.</summary>
    public static char Neighbour(char c, int choice)
    {
        var lower = char.ToLowerInvariant(c);
        var options = s_neighbours[lower - 'a'];
        var n = options[choice % options.Length];
        return char.IsAsciiLetterUpper(c) ? char.ToUpperInvariant(n) : n;
    }
}
