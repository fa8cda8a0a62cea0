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
                var git = GitDirectory(dir.FullName);
                if (git is null)
                {
                    continue;
                }

                var head = File.ReadAllText(Path.Combine(git, "HEAD")).Trim();
                if (!head.StartsWith("ref: ", StringComparison.Ordinal))
                {
                    return head;
                }

                var reference = head[5..];
                // A worktree keeps its refs in the common git directory named by 'commondir'.
                var common = File.Exists(Path.Combine(git, "commondir"))
                    ? Path.GetFullPath(File.ReadAllText(Path.Combine(git, "commondir")).Trim(), git)
                    : git;
                var loose = new[] { git, common }.Select(d => Path.Combine(d, reference)).FirstOrDefault(File.Exists);
                if (loose is not null)
                {
                    return File.ReadAllText(loose).Trim();
                }

                var packed = Path.Combine(common, "packed-refs");
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

    /// <summary>The git directory of <paramref name="folder"/>: a <c>.git</c> folder, or the target of a <c>.git</c> file (worktrees, submodules).</summary>
    private static string? GitDirectory(string folder)
    {
        var git = Path.Combine(folder, ".git");
        if (Directory.Exists(git))
        {
            return git;
        }

        if (!File.Exists(git))
        {
            return null;
        }

        var line = File.ReadLines(git).FirstOrDefault() ?? "";
        return line.StartsWith("gitdir: ", StringComparison.Ordinal) ? Path.GetFullPath(line[8..].Trim(), folder) : null;
    }
}
