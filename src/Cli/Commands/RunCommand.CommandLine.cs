using System.Globalization;

namespace MultiTrust.Cli.Commands;

public sealed partial class RunCommand
{
    /// <summary>
    /// This command as a shell command line without <c>--resume</c> and <c>--run-id</c>: every flag that shapes the
    /// configuration, so <c>--resume RUN</c> appended to it continues the run with the same configuration hash.
    /// </summary>
    internal static string CommandLineOf(Settings settings)
    {
        var args = new List<string> { "multitrust", "run", settings.File };
        foreach (var model in settings.Models)
        {
            args.AddRange(["--model", model]);
        }

        foreach (var judgeModel in settings.JudgeModels)
        {
            args.AddRange(["--judge-model", judgeModel]);
        }

        Add(args, "--samples", settings.Samples?.ToString(CultureInfo.InvariantCulture));
        Add(args, "--out", settings.Output);
        Add(args, "--seed", settings.Seed?.ToString(CultureInfo.InvariantCulture));
        Add(args, "--data", settings.Data);
        Add(args, "--commit-every", settings.CommitEvery?.ToString(CultureInfo.InvariantCulture));
        Add(args, "--commit-interval", settings.CommitInterval);
        Add(args, "--emit", settings.Emit);
        if (settings.SkipMissing)
        {
            args.Add("--skip-missing");
        }

        if (settings.ReuseCache)
        {
            args.Add("--reuse-cache");
        }

        return string.Join(' ', args.Select(Quote));
    }

    private static void Add(List<string> args, string flag, string? value)
    {
        if (value is not null)
        {
            args.AddRange([flag, value]);
        }
    }

    /// <summary>POSIX shell quoting: plain words as they are, anything else in single quotes.</summary>
    private static string Quote(string arg) =>
        arg.Length > 0 && arg.All(c => char.IsAsciiLetterOrDigit(c) || "_-./:=@%+,".Contains(c))
            ? arg
            : "'" + arg.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
