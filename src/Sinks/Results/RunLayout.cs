namespace MultiTrust.Sinks.Results;

/// <summary>Paths and names inside a run directory (<c>&lt;out&gt;/runs/&lt;run_id&gt;</c>).</summary>
internal static class RunLayout
{
    public static string CommitsDir(string runDir) => Path.Combine(runDir, CommitMarker.FolderName);

    public static string PartFileName(string shard, long seq) => $"part-{shard}-{seq:000000}.parquet";

    /// <summary>The part path relative to the run directory, with forward slashes (the form commit markers list).</summary>
    public static string RelativePartPath(string table, string task, string shard, long seq) =>
        $"{table}/task={task}/{PartFileName(shard, seq)}";

    public static string FullPath(string runDir, string relativePath) =>
        Path.GetFullPath(Path.Combine(runDir, relativePath.Replace('/', Path.DirectorySeparatorChar)));

    /// <summary>
    /// Checks that a task id or shard id can be a folder or file name segment: not empty, and only ASCII letters,
    /// digits, <c>-</c>, <c>_</c> and <c>.</c> (not <c>.</c> or <c>..</c>). Hive partition values need no escaping then.
    /// </summary>
    public static bool IsSafeSegment(string value)
    {
        if (value.Length == 0 || value is "." or "..")
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not '-' and not '_' and not '.')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The sequence number of a name <c>&lt;prefix&gt;&lt;shard&gt;-&lt;digits&gt;&lt;suffix&gt;</c>, or -1.</summary>
    public static long ParseSeq(string fileName, string prefix, string shard, string suffix)
    {
        var head = prefix + shard + "-";
        if (!fileName.StartsWith(head, StringComparison.Ordinal) || !fileName.EndsWith(suffix, StringComparison.Ordinal))
        {
            return -1;
        }

        var digits = fileName.AsSpan(head.Length, fileName.Length - head.Length - suffix.Length);
        if (digits.Length < 6)
        {
            return -1;
        }

        foreach (var c in digits)
        {
            if (!char.IsAsciiDigit(c))
            {
                return -1;
            }
        }

        return long.Parse(digits, System.Globalization.CultureInfo.InvariantCulture);
    }
}
