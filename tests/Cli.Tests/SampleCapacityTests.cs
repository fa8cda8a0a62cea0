using MultiTrust.Cli.Infrastructure;
using MultiTrust.Core.Contracts;
using MultiTrust.Tasks;
using MultiTrust.Testing;

namespace MultiTrust.Cli.Tests;

/// <summary>A count above a synthetic generator's distinct-sample space is refused by validate and run before any request.</summary>
public sealed class SampleCapacityTests
{
    /// <summary>The synthetic task with the smallest declared space, and that space.</summary>
    private static (string Id, long Capacity) Smallest()
    {
        var catalog = new TaskCatalog();
        return TaskCatalog.Definitions
            .Where(d => d.Suites.Contains(TaskSuites.Synthetic))
            .Select(d => catalog.TryGet(d.Info.Id, TaskSuites.Synthetic, out var task) ? (d.Info.Id, task.SampleCapacity!.Value) : throw new InvalidOperationException(d.Info.Id))
            .MinBy(t => t.Item2);
    }

    [Fact]
    public void SampleCapacity_EverySyntheticTask_IsDeclared()
    {
        var catalog = new TaskCatalog();
        foreach (var definition in TaskCatalog.Definitions.Where(d => d.Suites.Contains(TaskSuites.Synthetic)))
        {
            Assert.True(catalog.TryGet(definition.Info.Id, TaskSuites.Synthetic, out var task));
            Assert.True(task.SampleCapacity is > 0, definition.Info.Id);
        }
    }

    [Fact]
    public async Task Validate_CountAboveGeneratorSpace_NamesTaskLineAndMaximum()
    {
        var (id, capacity) = Smallest();
        using var cli = new CliHarness();
        var file = cli.Write("big.yaml", $"name: big\ntasks:\n  - id: {id}\n    samples: {capacity + 1}\nmodels:\n  - provider: baseline:oracle\n");

        var (code, output) = await cli.RunAsync("validate", file);

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains($"big.yaml:3:5: task '{id}' asks for {capacity + 1} samples", output);
        Assert.Contains($"ask for at most {capacity}", output);
    }

    [Fact]
    public async Task Validate_SamplesOptionAboveGeneratorSpace_Rejected_AtTheMaximumOk()
    {
        var (id, capacity) = Smallest();
        using var cli = new CliHarness();
        var file = cli.Write("ok.yaml", $"name: ok\ntasks:\n  - {id}\nmodels:\n  - provider: baseline:oracle\n");

        var (tooMany, output) = await cli.RunAsync("validate", file, "--samples", (capacity + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        var (atMost, _) = await cli.RunAsync("validate", file, "--samples", capacity.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(ExitCodes.InvalidInput, tooMany);
        Assert.Contains($"ask for at most {capacity}", output);
        Assert.Equal(ExitCodes.Ok, atMost);
    }

    [Fact]
    public async Task Run_SecondTaskAboveGeneratorSpace_SendsNothing()
    {
        var (id, capacity) = Smallest();
        await using var server = await LoopbackModelServer.StartAsync(new LoopbackModelServerOptions());
        using var cli = new CliHarness();
        var file = cli.Write("run.yaml", $"""
            name: big
            tasks:
              - id: t1-basic
                samples: 5
              - id: {id}
                samples: {capacity + 1}
            models:
              - id: loop
                provider: openai-compatible
                endpoint: {server.BaseUrl}
                model: test-model
            """);

        var (code, output) = await cli.RunAsync("run", file, "--out", "out");

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains($"ask for at most {capacity}", output);
        Assert.Equal(0, server.TotalRequests);
    }
}
