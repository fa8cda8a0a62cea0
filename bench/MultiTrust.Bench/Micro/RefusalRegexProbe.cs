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
        var rules = (Regex[])(type.GetField("RefusalRules", BindingFlags.Public | BindingFlags.Static)?.GetValue(null)
            ?? throw new InvalidOperationException("RefusalPatterns.RefusalRules not found."));
        var joined = new Regex(string.Join("|", rules.Select(r => r.ToString())), rules[0].Options);
        Console.WriteLine("| answer chars | RefusalJudge.Judge (µs) | rules one by one (µs) | rules joined in one alternation (µs) |");
        Console.WriteLine("|---:|---:|---:|---:|");
        var longest = string.Empty;
        foreach (var repeats in new[] { 1, 6, 24, 96 })
        {
            var text = string.Concat(Enumerable.Repeat(
                "based on the image, the scene shows a street with two benches, a lamp post and several parked cars. " +
                "step 1: look at the left side of the picture. step 2: compare the colours. the answer is no. ", repeats));
            var judge = Time(() => RefusalJudge.Judge(text));
            var separate = Time(() => rules.Select(r => r.Match(text)).Count(m => m.Success));
            var alternation = Time(() => joined.Match(text));
            longest = text;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {text.Length:N0} | {judge:F1} | {separate:F1} | {alternation:F1} |"));
        }

        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| refusal rule | µs on {longest.Length:N0} chars |"));
        Console.WriteLine("|---|---:|");
        foreach (var rule in rules)
        {
            var micros = Time(() => rule.Match(longest));
            var shown = rule.ToString().Length > 70 ? rule.ToString()[..70] + "…" : rule.ToString();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| `{shown.Replace("|", "\\|", StringComparison.Ordinal)}` | {micros:F1} |"));
        }

        return 0;
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
