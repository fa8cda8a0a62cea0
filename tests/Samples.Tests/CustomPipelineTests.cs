using CustomPipeline;
using MultiTrust.Sinks.Results;

namespace MultiTrust.Samples.Tests;

/// <summary>Runs the sample program that composes the library's stage blocks with a block of its own.</summary>
public sealed class CustomPipelineTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "mt-samples-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    [Fact]
    public async Task OracleCheck_ComposedBlocks_EverySampleAnsweredJudgedAndCommitted()
    {
        var result = await OracleCheck.RunAsync(_dir, samples: 21, CancellationToken.None);

        Assert.Equal(21, result.Responses);
        Assert.Equal(21, result.Correct);
        var committed = new List<MultiTrust.Core.Records.ModelResponse>();
        await foreach (var response in new RunStore().ReadResponsesAsync(result.RunDirectory))
        {
            committed.Add(response);
        }

        Assert.Equal(21, committed.Select(r => r.SampleId).Distinct().Count());
        Assert.All(committed, r => Assert.Equal("baseline:oracle", r.ModelId));
        var judgments = new List<MultiTrust.Core.Records.Judgment>();
        await foreach (var judgment in new RunStore().ReadJudgmentsAsync(result.RunDirectory))
        {
            judgments.Add(judgment);
        }

        Assert.Equal(21, judgments.Count(j => j.Score == 1.0));
    }
}
