using MultiTrust.Core.Contracts;
using MultiTrust.Core.Contracts.Verdicts;
using MultiTrust.Stages.Aggregation.Formulas;
using MultiTrust.Tasks.Model;
using MultiTrust.Tasks.Synthetic;

namespace MultiTrust.Tasks.Truthfulness.InstructionEnhancement;

/// <summary>
/// T.3 VQA under Instruction Enhancement (<c>max_new_tokens: 500</c>).
/// Official: <see cref="OfficialInstructionEnhancementSource"/>, subsets <c>factual-prompt-1..3</c> and
/// <c>logic-prompt-1..3</c>; GPT-4 judge (<c>protocol-t3-factual</c> on factual-*, <c>protocol-t3-logic</c> on logic-*)
/// → YN yes-rate = <c>accuracy</c>; score = 100 · mean(max factual prompt accuracy, max logic prompt accuracy).
/// </summary>
public static class InstructionEnhancement
{
    public const string TaskId = "t3-instruction-enhancement";

    public static TaskDefinition Definition { get; } = new(TaskTable.Info(TaskId), new TaskGenerationSettings(500))
    {
        Synthetic = InstructionEnhancementSynthetic.Binding,
        Official = new SuiteBinding(
            new OfficialInstructionEnhancementSource(),
            [
                new ModelVerdict("gpt-factual", "gpt-judge", "protocol-t3-factual") { Subsets = OfficialInstructionEnhancementSource.SubsetsOf("factual") },
                new ReadVerdict("factual-yes", "yes-protocol", "gpt-factual"),
                new ModelVerdict("gpt-logic", "gpt-judge", "protocol-t3-logic") { Subsets = OfficialInstructionEnhancementSource.SubsetsOf("logic") },
                new ReadVerdict("logic-yes", "yes-protocol", "gpt-logic"),
                new AnyVerdict(TruthfulnessVerdicts.Correct, ["factual-yes", "logic-yes"]),
            ],
            TruthfulnessVerdicts.Accuracy,
            TaskFormulas.For(TaskId))
        {
            Coverage = "release query_instruction (factual, logic × 3 prompts); GPT-4 judge",
        },
    };
}
