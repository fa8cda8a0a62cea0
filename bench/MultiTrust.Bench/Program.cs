using BenchmarkDotNet.Running;
using MultiTrust.Bench.Common;
using MultiTrust.Bench.EndToEnd;
using MultiTrust.Bench.Memory;
using MultiTrust.Bench.Perturbation;
using MultiTrust.Bench.Storage;

// Modes: e2e-cli (the real `multitrust run` on a shipped synthetic generator), e2e (end-to-end throughput), serve (loopback model server in its own process), memory (1M samples into a
// slow sink), micro (BenchmarkDotNet; the remaining arguments go to BenchmarkSwitcher), refusal-probe (attribution),
// perturb (image perturbations: images/s, or --contact-sheet PATH), duckdb (10M response rows: report queries before and
// after compaction).
if (args.Length == 0 || args[0] is "-h" or "--help")
{
    Console.WriteLine("usage: MultiTrust.Bench e2e-cli|e2e|serve|memory|micro|perturb|duckdb [options]  (see bench/README.md)");
    return 2;
}

var rest = args[1..];
switch (args[0])
{
    case "e2e-cli":
        return await CliEndToEndBenchmark.RunAsync(new BenchArgs(rest));
    case "e2e":
        return await EndToEndBenchmark.RunAsync(new BenchArgs(rest));
    case "serve":
        return await ServeMode.RunAsync(new BenchArgs(rest));
    case "memory":
        return await MemoryBenchmark.RunAsync(new BenchArgs(rest));
    case "perturb":
        return await PerturbationBenchmark.RunAsync(new BenchArgs(rest));
    case "duckdb":
        return await CompactionBenchmark.RunAsync(new BenchArgs(rest));
    case "refusal-probe":
        return MultiTrust.Bench.Micro.RefusalRegexProbe.Run();
    case "micro":
        BenchmarkSwitcher.FromAssembly(typeof(BenchArgs).Assembly).Run(rest);
        return 0;
    default:
        Console.Error.WriteLine($"Unknown mode '{args[0]}'; expected e2e-cli, e2e, serve, memory, micro, perturb or duckdb.");
        return 2;
}
