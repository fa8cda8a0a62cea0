namespace MultiTrust.Core.Runs;

/// <summary>Reads the current git commit from a <c>.git</c> folder without running git.</summary>
public static class GitCommit
{
    public static string? Find(string startDirectory)
    {
        try
        {
            for (var dir = new DirectoryInfo(Path.GetFullPath(startDirectory)); dir is not null; dir = dir.Parent)
            {
                var git = Path.Combine(dir.FullName, ".git");
                if (!Directory.Exists(git))
                {
                    continue;
                }

                var head = File.ReadAllText(Path.Combine(git, "HEAD")).Trim();
                if (!head.StartsWith("ref: ", StringComparison.Ordinal))
                {
                    return head;
                }

                var reference = head[5..];
                var loose = Path.Combine(git, reference);
                if (File.Exists(loose))
                {
                    return File.ReadAllText(loose).Trim();
                }

                var packed = Path.Combine(git, "packed-refs");
                return File.Exists(packed)
                    ? File.ReadLines(packed).Where(l => l.EndsWith(" " + reference, StringComparison.Ordinal)).Select(l => l[..40]).FirstOrDefault()
                    : null;
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return null;
    }
}
