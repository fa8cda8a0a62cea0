using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.AI;
using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;
using MultiTrust.Sources.Storage;
using MultiTrust.Sources.Synthetic;
using MultiTrust.Stages.Inference.Baselines;
using MultiTrust.Stages.Judging.Chains;
using MultiTrust.Tasks.Model;
using MultiTrust.Tasks.Synthetic;

namespace MultiTrust.Tasks.Tests.Synthetic;

/// <summary>
/// The synthetic fairness bindings F.2–F.5 with the real perturbation kit: pinned output, the same samples whatever
/// the generation window, and the calibration baselines through each binding's own verdict chain.
/// </summary>
public sealed class FairnessSyntheticTests : IDisposable
{
    private static readonly Dictionary<string, (SuiteBinding Binding, Func<TaskInfo, IIndexedSampleGenerator> Create)> s_bindings = new(StringComparer.Ordinal)
    {
        ["f2-stereo-agreement"] = (StereotypeAgreementSynthetic.Binding, StereotypeAgreementSynthetic.CreateGenerator),
        ["f3-stereo-classification"] = (StereotypeClassificationSynthetic.Binding, StereotypeClassificationSynthetic.CreateGenerator),
        ["f4-stereo-query"] = (StereotypeQuerySynthetic.Binding, StereotypeQuerySynthetic.CreateGenerator),
        ["f5-vision-preference"] = (VisionPreferenceSynthetic.Binding, VisionPreferenceSynthetic.CreateGenerator),
    };

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "mt-fairness-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    [Theory]
    [InlineData("f2-stereo-agreement", 5, "38618a5810d827e7a4de8603a728ed9c9cb5d1056ea518de3182d5e7b69ccd28")]
    [InlineData("f3-stereo-classification", 5, "e54f7de6d81225a636db9362bb82ffa763d288114fea81d432d7eb43a124104e")]
    [InlineData("f4-stereo-query", 5, "317a03edce5d3b07f1cc80b060704265f0bc60d768bb0b9e88a3683948023e1f")]
    [InlineData("f5-vision-preference", 4, "3fb424bb6150519dd133581bbad261acac1b4b34d744cf75cacffd341446af33")]
    public async Task Source_FirstSamples_MatchPinnedPromptAndImageBytes(string taskId, int count, string expected)
    {
        // Pinned: prompts and image bytes of the first samples at seed 1. A change here changes the dataset.
        var samples = await CollectAsync(taskId, 1, count);

        Assert.Equal(expected, await FingerprintAsync(samples));
    }

    [Theory]
    [InlineData("f2-stereo-agreement")]
    [InlineData("f3-stereo-classification")]
    [InlineData("f4-stereo-query")]
    [InlineData("f5-vision-preference")]
    public async Task Source_OneOrEightSamplesInFlight_IdenticalSamples_OtherSeedDiffers(string taskId)
    {
        var one = await CollectAsync(taskId, 4, 30, parallelism: 1, root: "one");
        var eight = await CollectAsync(taskId, 4, 30, parallelism: 8, root: "eight");
        var other = await CollectAsync(taskId, 5, 30, parallelism: 8, root: "other");

        Assert.Equal(one.Select(s => s.Id), eight.Select(s => s.Id));
        Assert.Equal(30, one.Select(s => s.Id).Distinct().Count());
        Assert.NotEqual(one.Select(s => s.Id), other.Select(s => s.Id));
    }

    [Theory]
    [InlineData("f2-stereo-agreement")]
    [InlineData("f3-stereo-classification")]
    [InlineData("f4-stereo-query")]
    [InlineData("f5-vision-preference")]
    public async Task Chain_OracleAnswers_ReachEveryMetricCeiling(string taskId)
    {
        var binding = s_bindings[taskId].Binding;
        var chain = VerdictChain.Build(taskId, binding.Verdicts, models: null);
        var oracle = new OracleBaseline();

        foreach (var sample in await CollectAsync(taskId, 2, 60))
        {
            var options = new ChatOptions { AdditionalProperties = new() { [ChatPropertyKeys.Reference] = sample.Target.Reference } };
            var answer = await oracle.GetResponseAsync([new ChatMessage(ChatRole.User, sample.Prompt)], options);
            var verdicts = await VerdictChainRunner.RunAsync(chain, sample, Answer(sample, answer.Text), CancellationToken.None);

            Assert.All(binding.Metrics, metric =>
                Assert.Equal(metric.HigherIsBetter ? 1.0 : 0.0, verdicts.Single(v => v.Judge.Id == metric.JudgeId).Verdict.Score));
        }
    }

    [Theory]
    [InlineData("f4-stereo-query")]
    [InlineData("f5-vision-preference")]
    public async Task Chain_RefuseBaseline_RtaOne_ComplyBaseline_RtaZero(string taskId)
    {
        var chain = VerdictChain.Build(taskId, s_bindings[taskId].Binding.Verdicts, models: null);

        foreach (var sample in await CollectAsync(taskId, 3, 30))
        {
            Assert.Equal(1.0, await ScoreAsync(chain, sample, new RefuseBaseline(), "refusal"));
            Assert.Equal(0.0, await ScoreAsync(chain, sample, new ComplyBaseline(), "refusal"));
        }
    }

    [Fact]
    public async Task Chain_Agreement_ComplyAgrees_RefuseDoesNot()
    {
        const string taskId = "f2-stereo-agreement";
        var chain = VerdictChain.Build(taskId, s_bindings[taskId].Binding.Verdicts, models: null);

        foreach (var sample in await CollectAsync(taskId, 3, 20))
        {
            Assert.Equal(1.0, await ScoreAsync(chain, sample, new ComplyBaseline(), "agree"));
            Assert.Equal(0.0, await ScoreAsync(chain, sample, new RefuseBaseline(), "agree"));
        }
    }

    [Fact]
    public void Formula_F3_ScoresClassificationOnly()
    {
        var formula = s_bindings["f3-stereo-classification"].Binding.Formula;

        Assert.Contains("classification-text", formula.Render(), StringComparison.Ordinal);
        Assert.DoesNotContain("topic-", formula.Render(), StringComparison.Ordinal);
    }

    private async Task<List<Sample>> CollectAsync(string taskId, long seed, int count, int parallelism = 4, string root = "store")
    {
        var source = new SyntheticSource(s_bindings[taskId].Create) { Parallelism = parallelism };
        var samples = new List<Sample>();
        var context = new TaskGenerationContext(seed, count, new FileBlobStore(Path.Combine(_dir, root)));
        await foreach (var sample in source.ReadAsync(Info(taskId), context, CancellationToken.None))
        {
            samples.Add(sample);
        }

        Assert.Equal(count, samples.Count);
        return samples;
    }

    private static TaskInfo Info(string taskId) =>
        new TaskCatalog().TryGetEntry(taskId, out var entry) ? entry.Info : throw new KeyNotFoundException(taskId);

    private static ModelResponse Answer(Sample sample, string text, string model = "baseline:oracle") =>
        new(sample.Id, "clean", model, sample.TaskId, "h", ResponseStatus.Answered, text, "stop", null, 0, null, null, 1, false, string.Empty);

    private static async Task<double> ScoreAsync(IReadOnlyList<IJudge> chain, Sample sample, IChatClient baseline, string step)
    {
        var answer = await baseline.GetResponseAsync([new ChatMessage(ChatRole.User, sample.Prompt)]);
        var verdicts = await VerdictChainRunner.RunAsync(chain, sample, Answer(sample, answer.Text, "baseline"), CancellationToken.None);
        return verdicts.Single(v => v.Judge.Id == step).Verdict.Score!.Value;
    }

    private async Task<string> FingerprintAsync(IEnumerable<Sample> samples)
    {
        var store = new FileBlobStore(Path.Combine(_dir, "store"));
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var sample in samples)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(sample.Subset + "\n" + sample.Prompt + "\n"));
            foreach (var image in sample.Images)
            {
                hash.AppendData(await store.ReadAsync(image, CancellationToken.None));
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
