using MultiTrust.Core.Contracts;
using MultiTrust.Core.Contracts.Verdicts;
using MultiTrust.Core.Records;
using MultiTrust.Sources.Official;
using MultiTrust.Tasks.Robustness.OodSensor;

namespace MultiTrust.Tasks.Tests.Official;

public sealed class RobustnessOodSensorTests(RobustnessRelease release) : IClassFixture<RobustnessRelease>
{
    private static readonly string[] s_sensors = ["infrared", "lxray", "hxray", "mri", "ct", "remote", "driving"];

    [Fact]
    public async Task Load_FixtureRelease_TwoSamplesPerSensorInProtocolOrder()
    {
        var samples = await release.LoadAsync(OodSensor.Definition);

        Assert.Equal(s_sensors.SelectMany(s => new[] { s, s }), samples.Select(s => s.Subset));
        Assert.Equal(RobustnessRelease.FormulaSubsets(OodSensor.TaskId), samples.Select(s => s.Subset).ToHashSet());
        Assert.All(samples, s => Assert.Null(s.Metadata.GetValueOrDefault("input_error")));
    }

    [Fact]
    public async Task Load_FixtureRelease_QuestionIsThePromptVerbatimAndItsFirstLineTheRaterQuestion()
    {
        var samples = await release.LoadAsync(OodSensor.Definition);

        var first = samples[0];
        Assert.Equal("What is shown in this infrared image?\nAnswer with one word.", first.Prompt);
        Assert.Equal("What is shown in this infrared image?", first.Metadata["question"]);
        Assert.Equal("robustness/ood-sensor/source/infrared_1.png", release.ImageOf(first));
        Assert.Equal("How many people are there?", samples[1].Metadata["question"]);
    }

    [Fact]
    public async Task Load_FixtureRelease_ExpectedAndOracleAreTheAnswerAsPythonPrintsIt()
    {
        var samples = await release.LoadAsync(OodSensor.Definition);

        Assert.Equal(("car", "car"), (samples[0].Target.Expected, samples[0].Target.Reference));
        Assert.Equal(("2", "2"), (samples[1].Target.Expected, samples[1].Target.Reference));
    }

    [Fact]
    public async Task Oracle_ExactAnswer_ScoresOneHundredWithoutCallingTheRater()
    {
        var samples = await release.LoadAsync(OodSensor.Definition);
        var chain = MultiTrust.Stages.Judging.Chains.VerdictChain.Build(
            OodSensor.TaskId, OodSensor.Definition.Official!.Verdicts, step => new UncalledRater(step.Id));

        foreach (var sample in samples)
        {
            var verdicts = await MultiTrust.Core.Contracts.VerdictChainRunner.RunAsync(chain, sample, RobustnessOracle.Answer(sample), CancellationToken.None);
            Assert.Equal(1.0, verdicts.Single(v => v.Judge.Id == "exact").Verdict.Score);
            Assert.Equal(100.0, verdicts.Single(v => v.Judge.Id == "gpt_score").Verdict.Score);
        }
    }

    [Fact]
    public void RequiredData_IsTheSevenLabelFilesAndTheImageFolder()
    {
        Assert.Equal(
            [
                "robustness/ood-sensor/label/infrared.json",
                "robustness/ood-sensor/label/lxray.json",
                "robustness/ood-sensor/label/hxray.json",
                "robustness/ood-sensor/label/mri.json",
                "robustness/ood-sensor/label/ct.json",
                "robustness/ood-sensor/label/remote.json",
                "robustness/ood-sensor/label/driving.json",
                "robustness/ood-sensor/source",
            ],
            OodSensor.Definition.Official!.Source.RequiredData);
    }

    [Fact]
    public async Task Load_RowWithoutAnswer_ThrowsNamingFileAndLine()
    {
        using var broken = new RobustnessRelease();
        broken.Files.Text(
            "robustness/ood-sensor/label/mri.json",
            "{\"image_name\": \"a.png\", \"question\": \"q?\", \"answer\": \"a\"}\n\n{\"image_name\": \"b.png\", \"question\": \"q?\"}\n");

        var error = await Assert.ThrowsAsync<AnnotationException>(() => broken.LoadAsync(OodSensor.Definition));

        Assert.EndsWith("mri.json:3: missing field 'answer'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_MalformedLine_ThrowsNamingFileAndLine()
    {
        using var broken = new RobustnessRelease();
        broken.Files.Text("robustness/ood-sensor/label/ct.json", "not json\n");

        var error = await Assert.ThrowsAsync<AnnotationException>(() => broken.LoadAsync(OodSensor.Definition));

        Assert.Equal(1, error.Line);
        Assert.EndsWith("ct.json", error.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void Definition_ExactMatchShortCircuitsTheRaterToOneHundred()
    {
        var binding = OodSensor.Definition.Official!;

        Assert.Equal(200, OodSensor.Definition.Generation.MaxTokens);
        Assert.Equal(
            [
                new RuleVerdict("exact", "exact-match-protocol"),
                new ModelVerdict("rater", "gpt-judge", "protocol-r2-rater") { ShortCircuitOn = "exact", ShortCircuitRaw = "100" },
                new ReadVerdict("gpt_score", "score-protocol", "rater"),
            ],
            binding.Verdicts);
        var metric = Assert.Single(binding.Metrics);
        Assert.Equal(("gpt_score", "gpt_score", true), (metric.Name, metric.JudgeId, metric.HigherIsBetter));
        Assert.Equal(RobustnessRelease.FormulaMetrics(OodSensor.TaskId), binding.Metrics.Select(m => m.Name).ToHashSet());
    }

    // The GPT rater stand-in: an exact answer must never reach it.
    private sealed class UncalledRater(string id) : IJudge
    {
        public string Id => id;

        public string Version => "uncalled";

        public ValueTask<JudgeVerdict> JudgeAsync(Sample sample, ModelResponse response, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("the rater was called for an exact answer");
    }
}
