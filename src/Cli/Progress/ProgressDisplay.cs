using MultiTrust.Cli.Infrastructure;
using System.Globalization;
using MultiTrust.Core.Contracts;
using Spectre.Console;

namespace MultiTrust.Cli.Progress;

/// <summary>
/// Shows a run's progress while <c>work</c> runs: a live Spectre.Console panel on an interactive terminal, or a plain
/// line every few seconds when output is redirected or <c>CI</c> is set. Sampled on a timer, never per sample.
/// </summary>
internal static class ProgressDisplay
{
    public static async Task<T> RunAsync<T>(IAnsiConsole console, bool plain, TimeSpan plainInterval, RunProgress progress, TimeProvider time, Func<Task<T>> work)
    {
        var started = time.GetTimestamp();
        var task = work();
        if (plain)
        {
            while (await Task.WhenAny(task, Task.Delay(plainInterval, time)) != task)
            {
                console.Line(ProgressSnapshot.Take(progress, time.GetElapsedTime(started)).ToLine());
            }

            console.Line(ProgressSnapshot.Take(progress, time.GetElapsedTime(started)).ToLine());
            return await task;
        }

        await console.Live(Render(ProgressSnapshot.Take(progress, TimeSpan.Zero)))
            .AutoClear(false)
            .StartAsync(async context =>
            {
                while (await Task.WhenAny(task, Task.Delay(TimeSpan.FromMilliseconds(250), time)) != task)
                {
                    context.UpdateTarget(Render(ProgressSnapshot.Take(progress, time.GetElapsedTime(started))));
                }

                context.UpdateTarget(Render(ProgressSnapshot.Take(progress, time.GetElapsedTime(started))));
            });
        return await task;
    }

    private static Table Render(ProgressSnapshot s)
    {
        var width = 30;
        var filled = (int)Math.Round(s.Fraction * width);
        var bar = new string('#', filled) + new string('-', width - filled);
        var table = new Table().Border(TableBorder.Rounded).HideHeaders().AddColumn("k").AddColumn("v");
        table.AddRow("progress", $"[green]{bar}[/] {s.Done}/{s.Planned} ({s.Fraction.ToString("P1", CultureInfo.InvariantCulture)})");
        table.AddRow("rate", string.Create(CultureInfo.InvariantCulture, $"{s.Rate:F1} samples/s, ETA {s.EtaText}"));
        table.AddRow("errors", s.Failed == 0 ? "0" : $"[red]{s.Failed}[/]");
        table.AddRow("cache hits", s.CacheHits.ToString(CultureInfo.InvariantCulture));
        table.AddRow("retries", s.Retries.ToString(CultureInfo.InvariantCulture));
        table.AddRow("resumed (already committed)", s.Skipped.ToString(CultureInfo.InvariantCulture));
        table.AddRow("committed", s.Committed.ToString(CultureInfo.InvariantCulture));
        return table;
    }
}
