using MultiTrust.Core.Contracts;
using MultiTrust.Core.Contracts.Verdicts;
using MultiTrust.Sources.Synthetic;
using MultiTrust.Sources.Synthetic.Scenes;
using MultiTrust.Stages.Aggregation.Formulas;
using MultiTrust.Tasks.Model;

namespace MultiTrust.Tasks.Truthfulness.BasicWorldUnderstanding;

/// <summary>
/// T.1 Basic World Understanding (<c>max_new_tokens: 100</c>).
/// Synthetic: <see cref="SceneGenerator"/> scenes with yes/no statements in the subsets <c>object</c>, <c>attribute</c>,
/// <c>scene</c>; judge <c>yesno</c>; metric <c>accuracy</c>; score = 100 · pooled accuracy (<see cref="TaskFormulas.Synthetic"/>).
/// Official: <see cref="OfficialBasicWorldUnderstandingSource"/>; d-* by the protocol's YN rule (and the validated
/// <c>yesno</c>, with their disagreement), OCR by GPT-4 → YN, grounding by the GPT-4 box rewrite → IoU &gt; 0.5; one
/// <c>correct</c> step per sample read by <c>accuracy</c>; score = 100 · mean of the five subset accuracies.
/// </summary>
public static class BasicWorldUnderstanding
{
    public const string TaskId = "t1-basic";

    public static TaskDefinition Definition { get; } = new(TaskTable.Info(TaskId), new TaskGenerationSettings(100))
    {
        Official = new SuiteBinding(
            new OfficialBasicWorldUnderstandingSource(),
            [
                .. TruthfulnessVerdicts.YesNo(OfficialBasicWorldUnderstandingSource.YesNoSubsets),
                new ModelVerdict("gpt-ocr", "gpt-judge", "protocol-t1-ocr") { Subsets = ["ocr"] },
                new ReadVerdict("ocr-yes", "yes-protocol", "gpt-ocr"),
                new ModelVerdict("gpt-grounding", "gpt-judge", "protocol-t1-grounding") { Subsets = ["grounding"] },
                new ReadVerdict("grounding-iou", "iou", "gpt-grounding"),
                new AnyVerdict(TruthfulnessVerdicts.Correct, [TruthfulnessVerdicts.YesNoProtocol, "ocr-yes", "grounding-iou"]),
            ],
            TruthfulnessVerdicts.YesNoMetrics(accuracyStep: TruthfulnessVerdicts.Correct),
            TaskFormulas.For(TaskId))
        {
            Coverage = "release query_basic (object, attribute, scene, grounding, ocr); YN, GPT-4 judge for OCR and grounding",
        },
        Synthetic = new SuiteBinding(
            new SyntheticSource(task => new SceneGenerator(task)),
            [new RuleVerdict("yesno")],
            [new MetricDefinition("accuracy", "yesno", HigherIsBetter: true)],
            TaskFormulas.ForSynthetic(TaskId))
        {
            Coverage = "seeded scenes of coloured shapes, yes/no statements (object, attribute, scene); not comparable to the paper",
        },
    };
}
