using System.Diagnostics;
using System.Globalization;
using MultiTrust.Bench.Common;
using MultiTrust.Cli;
using MultiTrust.Cli.Infrastructure;
using MultiTrust.Testing;
using Spectre.Console;

namespace MultiTrust.Bench.EndToEnd;

/// <summary>
/// <c>e2e-cli</c>: what users run — the real <c>multitrust run</c> (<see cref="CliApp"/>, in process: YAML, preflight,
/// counting, the shipped synthetic generator rendering and storing every image, the engine, the model invoker, the
/// task's verdict chain, Parquet commits, then metrics, catalog and report) on a synthetic task, against the
/// zero-latency loopback server (<c>--model loopback</c>, default) or a built-in baseline (<c>--model baseline:oracle</c>:
/// the producer alone). The rate is read from the CLI's own plain progress lines: "after warmup" is from the first
/// line at or past the warm-up count to the line at 100%. Options: --task (t1-basic), --samples (200000), --model,
/// --concurrency (256), --warmup, --server inproc|spawn, --seed, --keep, --quiet, --allocations (sampled bytes per
/// type; attribution only, it slows the run), --cli PATH (run that built
/// <c>multitrust.dll</c> as a child process instead, e.g. an older build for a before/after; progress every 5 s, CPU
/// of the child only).
/// </summary>
public static class CliEndToEndBenchmark
{
    public static async Task<int> RunAsync(BenchArgs args)
    {
        var task = args.String("task", "t1-basic");
        var samples = args.Int("samples", 200_000);
        var model = args.String("model", "loopback");
        var concurrency = args.Int("concurrency", 256);
        var warmup = args.Int("warmup", Math.Min(samples / 5, 20_000));
        var serverMode = args.String("server", "inproc");
        var seed = args.Int("seed", 20261128);
        var quiet = args.Flag("quiet");
        var cli = args.Optional("cli");
        using var allocations = args.Flag("allocations") ? new AllocationSampler() : null;
        var output = Path.Combine(Path.GetTempPath(), "mt-bench", "e2e-cli-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(output);
        Console.WriteLine(Invariant($"e2e-cli: task={task} samples={samples:N0} warmup={warmup:N0} model={model} concurrency={concurrency} server={(model == "loopback" ? serverMode : "-")} cores={Environment.ProcessorCount} gc={(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} out={output}"));

        LoopbackModelServer? inproc = null;
        Process? child = null;
        try
        {
            string modelYaml;
            if (model == "loopback")
            {
                Uri baseUrl;
                if (serverMode == "spawn")
                {
                    (child, baseUrl) = await ServeMode.SpawnAsync();
                }
                else
                {
                    inproc = await LoopbackModelServer.StartAsync(new LoopbackModelServerOptions { RecordRequests = false });
                    inproc.Reply = TypicalReplies.For;
                    baseUrl = inproc.BaseUrl;
                }

                modelYaml = $"  - id: loopback\n    provider: openai-compatible\n    endpoints:\n      - {baseUrl}\n    model: bench-model\n    concurrency: {concurrency}\n";
            }
            else
            {
                modelYaml = $"  - provider: {model}\n";
            }

            var pipeline = Path.Combine(output, "bench.yaml");
            await File.WriteAllTextAsync(pipeline, Invariant(
                $"name: e2e-cli\nseed: {seed}\noutput: {output}\ntasks:\n  - id: {task}\n    samples: {samples}\nmodels:\n{modelYaml}"));

            var start = ProcessSnapshot.Take();
            var childCpuAtStart = ChildCpu(child);
            var (exitCode, lines, workerAtEnd) = cli is null
                ? await RunInProcessAsync(pipeline, quiet)
                : await RunChildAsync(cli, pipeline, quiet);
            var end = ProcessSnapshot.Take();
            var childCpuAtEnd = ChildCpu(child);

            var points = lines.Points;
            var last = points.Count > 0 ? points[^1] : default;
            Console.WriteLine(Invariant($"exit code {exitCode}; samples done {last.Done:N0} of {samples:N0}"));
            var warm = points.FirstOrDefault(p => p.Done >= warmup && p.Done < samples);
            if (cli is null)
            {
                Console.WriteLine("whole command (start-up, counting, engine, metrics, catalog, report): " + end.Describe(start, samples));
                if (warm.At is not null && last.Done == samples)
                {
                    Console.WriteLine("after warmup: " + last.At.Describe(warm.At, last.Done - warm.Done));
                }
            }
            else
            {
                var seconds = end.ElapsedSince(start).TotalSeconds;
                Console.WriteLine(Invariant($"whole command (child process): {samples:N0} items in {seconds:F2} s = {samples / seconds:N0}/s; CPU {workerAtEnd.TotalSeconds:F1} s ({workerAtEnd.TotalMicroseconds / samples:F0} µs/item)"));
                if (warm.At is not null && last.Done == samples)
                {
                    var window = last.At.ElapsedSince(warm.At).TotalSeconds;
                    var cpu = last.WorkerCpu - warm.WorkerCpu;
                    var items = last.Done - warm.Done;
                    Console.WriteLine(Invariant(
                        $"after warmup: {items:N0} items in {window:F2} s = {items / window:N0}/s; child CPU {cpu.TotalSeconds:F1} s ({cpu.TotalSeconds / window:F2} cores, {cpu.TotalMicroseconds / items:F0} µs/item); machine busy {last.At.MachineCores(warm.At):F2} of {Environment.ProcessorCount} cores, load avg {ProcessSnapshot.LoadAverage()}"));
                }
            }

            if (warm.At is null || last.Done != samples)
            {
                Console.WriteLine("after warmup: (no progress line between the warm-up count and the end; use more samples)");
            }

            if (last.At is not null)
            {
                Console.WriteLine(Invariant($"finalisation after the last sample (metrics, catalog, report): {end.ElapsedSince(last.At).TotalSeconds:F2} s"));
            }

            if (child is not null)
            {
                var serverCpu = (childCpuAtEnd - childCpuAtStart).TotalSeconds;
                Console.WriteLine(Invariant($"server process CPU: {serverCpu:F1} s ({serverCpu * 1e6 / samples:F0} µs/request)"));
            }

            Console.WriteLine(Invariant($"peak working set {ProcessSnapshot.PeakWorkingSet() / 1048576.0:N0} MB"));
            allocations?.Print(Console.Out, 30);
            return exitCode == 0 && last.Done == samples ? 0 : 1;
        }
        finally
        {
            if (inproc is not null)
            {
                await inproc.DisposeAsync();
            }

            if (child is not null)
            {
                child.StandardInput.Close();
                await child.WaitForExitAsync();
                child.Dispose();
            }

            if (!args.Flag("keep"))
            {
                // On a file system without a journal, ext4 avoids inodes freed in the last 1–6 minutes, and creating
                // files right after deleting many costs several times more (see RESULTS.md): pause between runs.
                Console.WriteLine("deleting the output; wait a few minutes before the next run, or use --keep");
                Directory.Delete(output, recursive: true);
            }
        }
    }

    private static async Task<(int ExitCode, ProgressLines Lines, TimeSpan WorkerCpu)> RunInProcessAsync(string pipeline, bool quiet)
    {
        var lines = new ProgressLines(Console.Out, quiet, SelfCpu);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(lines),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 200;
        using var shutdown = new ShutdownSignals();
        var environment = new CliEnvironment
        {
            Console = console,
            Shutdown = shutdown,
            PlainProgress = true,
            PlainProgressInterval = TimeSpan.FromMilliseconds(250),
        };
        var exitCode = await CliApp.RunAsync(["run", pipeline], environment);
        return (exitCode, lines, SelfCpu());
    }

    private static async Task<(int ExitCode, ProgressLines Lines, TimeSpan WorkerCpu)> RunChildAsync(string cli, string pipeline, bool quiet)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add(cli);
        info.ArgumentList.Add("run");
        info.ArgumentList.Add(pipeline);
        info.Environment["CI"] = "1"; // plain progress lines
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start dotnet {cli}.");
        var lines = new ProgressLines(Console.Out, quiet, () => ChildCpu(process));
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            lines.WriteLine(line);
        }

        var points = lines.Points;
        var cpu = points.Count > 0 ? points[^1].WorkerCpu : TimeSpan.Zero;
        try
        {
            cpu = process.TotalProcessorTime; // finalisation included, while the process is still there to ask
        }
        catch (InvalidOperationException)
        {
        }

        await process.WaitForExitAsync();
        return (process.ExitCode, lines, cpu);
    }

    private static TimeSpan SelfCpu()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }

    private static TimeSpan ChildCpu(Process? child)
    {
        if (child is null)
        {
            return default;
        }

        try
        {
            child.Refresh();
            return child.TotalProcessorTime;
        }
        catch (InvalidOperationException)
        {
            return default; // exited
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
