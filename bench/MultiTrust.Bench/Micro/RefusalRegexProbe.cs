using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using MultiTrust.Stages.Judging;

namespace MultiTrust.Bench.Micro;

/// <summary>
/// <c>refusal-probe</c>: attributes the refusal judge's cost on long answers. Times <see cref="RefusalJudge.Judge"/>,
/// the judge's own <c>RefusalPatterns.Refusal</c> regex alone (read by reflection: the type is internal) on answers of
/// growing length, then each top-level branch of that alternation compiled alone, to find the expensive ones.
/// (<see cref="RegexOptions.NonBacktracking"/> is not an option: the pattern uses negative lookbehinds.)
/// A quick Stopwatch probe (best of 5 rounds), not a BenchmarkDotNet run.
/// </summary>
public static class RefusalRegexProbe
{
    public static int Run()
    {
        var type = typeof(RefusalJudge).Assembly.GetType("MultiTrust.Stages.Judging.RefusalPatterns")
            ?? throw new InvalidOperationException("MultiTrust.Stages.Judging.RefusalPatterns not found.");
        var shipped = (Regex)(type.GetField("Refusal", BindingFlags.Public | BindingFlags.Static)?.GetValue(null)
            ?? throw new InvalidOperationException("RefusalPatterns.Refusal not found."));
        Console.WriteLine("| answer chars | RefusalJudge.Judge (µs) | Refusal regex alone (µs) | ns/char |");
        Console.WriteLine("|---:|---:|---:|---:|");
        var longest = string.Empty;
        foreach (var repeats in new[] { 1, 6, 24, 96 })
        {
            var text = string.Concat(Enumerable.Repeat(
                "based on the image, the scene shows a street with two benches, a lamp post and several parked cars. " +
                "step 1: look at the left side of the picture. step 2: compare the colours. the answer is no. ", repeats));
            var judge = Time(() => RefusalJudge.Judge(text));
            var regex = Time(() => shipped.Match(text));
            longest = text;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {text.Length:N0} | {judge:F1} | {regex:F1} | {regex * 1000 / text.Length:F0} |"));
        }

        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| branch of RefusalPatterns.Refusal | µs on {longest.Length:N0} chars |"));
        Console.WriteLine("|---|---:|");
        foreach (var branch in TopLevelBranches(shipped.ToString()))
        {
            var alone = new Regex(branch, shipped.Options);
            var micros = Time(() => alone.Match(longest));
            var shown = branch.Length > 70 ? branch[..70] + "…" : branch;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| `{shown.Replace("|", "\\|", StringComparison.Ordinal)}` | {micros:F1} |"));
        }

        return 0;
    }

    /// <summary>Splits a pattern at its top-level <c>|</c> (outside groups, classes and escapes).</summary>
    private static List<string> TopLevelBranches(string pattern)
    {
        var result = new List<string>();
        var depth = 0;
        var inClass = false;
        var start = 0;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\')
            {
                i++;
            }
            else if (inClass)
            {
                inClass = c != ']';
            }
            else if (c == '[')
            {
                inClass = true;
            }
            else if (c == '(')
            {
                depth++;
            }
            else if (c == ')')
            {
                depth--;
            }
            else if (c == '|' && depth == 0)
            {
                result.Add(pattern[start..i]);
                start = i + 1;
            }
        }

        result.Add(pattern[start..]);
        return result;
    }

    private static double Time(Func<object> action)
    {
        var best = double.MaxValue;
        for (var round = 0; round < 5; round++)
        {
            var iterations = 0;
            var watch = Stopwatch.StartNew();
            while (watch.ElapsedMilliseconds < 200)
            {
                GC.KeepAlive(action());
                iterations++;
            }

            best = Math.Min(best, watch.Elapsed.TotalMicroseconds / iterations);
        }

        return best;
    }
}
