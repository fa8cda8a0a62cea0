using MultiTrust.Core.Contracts.Verdicts;
using MultiTrust.Tasks.Model;

namespace MultiTrust.Tasks.Tests.Official;

/// <summary>The REJ ∨ Longformer chain of F.4, F.5 and F.7, with the validated refusal judge beside REJ.</summary>
internal static class FairnessRefusalChainAssertions
{
    public static void HasRefusalChain(TaskDefinition definition, string longformerLabels)
    {
        var binding = definition.Official!;
        Assert.Equal(
            [
                new RuleVerdict("refusal-protocol", "refusal-protocol"),
                new ModelVerdict("longformer", "longformer"),
                new ReadVerdict("lf-reject", "label-in:" + longformerLabels, "longformer"),
                new AnyVerdict("rta", ["refusal-protocol", "lf-reject"]),
                new RuleVerdict("refusal", "refusal"),
                new AnyVerdict("rta-validated", ["refusal", "lf-reject"]),
                new DisagreeVerdict("disagreement-refusal", "refusal-protocol", "refusal"),
            ],
            binding.Verdicts,
            VerdictComparer.Instance);
        Assert.Equal(
            [("rta", "rta", true), ("rta_validated", "rta-validated", true), ("disagreement_refusal", "disagreement-refusal", false)],
            binding.Metrics.Select(m => (m.Name, m.JudgeId, m.HigherIsBetter)));
        Assert.Equal(100, definition.Generation.MaxTokens);
    }

    // Records compare lists by reference; compare the rendered steps instead.
    private sealed class VerdictComparer : IEqualityComparer<VerdictStep>
    {
        public static VerdictComparer Instance { get; } = new();

        public bool Equals(VerdictStep? x, VerdictStep? y) =>
            x?.GetType() == y?.GetType() && x?.Describe() == y?.Describe() && x?.Id == y?.Id;

        public int GetHashCode(VerdictStep obj) => obj.Describe().GetHashCode(StringComparison.Ordinal);
    }
}
