using MultiTrust.Core.Contracts;
using MultiTrust.Core.Contracts.Verdicts;
using MultiTrust.Stages.Aggregation.Formulas;
using MultiTrust.Tasks.Model;

namespace MultiTrust.Tasks.Robustness.OodSensor;

/// <summary>
/// R.2 VQA for Sensor Style Images (<c>max_new_tokens: 200</c>, the task YAML's).
/// Official: <see cref="OfficialOodSensorSource"/> (BenchLMM, 7 sensors). Steps: <c>exact</c> — the reference's
/// normalised exact match of the answer (rule judge <c>exact-match-protocol</c>); <c>rater</c> — the GPT rater
/// (template <c>protocol-r2-rater</c>: 0, 25, 50, 75 or 100), not called where <c>exact</c> scored 1, whose raw output
/// is then <c>100</c>; <c>gpt_score</c> — the number in the rater's output (<c>score-protocol</c>, 0 when none).
/// Metric <c>gpt_score</c> = the mean, already on 0–100. Score = mean over the sensors.
/// </summary>
public static class OodSensor
{
    public const string TaskId = "r2-ood-sensor";

    public static TaskDefinition Definition { get; } = new(TaskTable.Info(TaskId), new TaskGenerationSettings(200))
    {
        Official = new SuiteBinding(
            new OfficialOodSensorSource(),
            [
                new RuleVerdict("exact", "exact-match-protocol"),
                new ModelVerdict("rater", "gpt-judge", "protocol-r2-rater") { ShortCircuitOn = "exact", ShortCircuitRaw = "100" },
                new ReadVerdict("gpt_score", "score-protocol", "rater"),
            ],
            [new MetricDefinition("gpt_score", "gpt_score", HigherIsBetter: true)],
            TaskFormulas.For(TaskId))
        {
            Coverage = "release BenchLMM questions on 7 sensor styles; exact match or GPT rater (judge_models.gpt-judge) 0–100; gpt_score",
        },
    };
}
