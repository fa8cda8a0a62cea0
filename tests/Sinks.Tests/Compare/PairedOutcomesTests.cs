using MultiTrust.Sinks.Compare;

namespace MultiTrust.Sinks.Tests.Compare;

public sealed class PairedOutcomesTests
{
    private static PairingKey Key(int sample, string judge = "yesno") => new("m", "t1-basic", judge, $"s{sample}");

    [Fact]
    public void Build_ReferenceAndCandidatesInAnyOrder_CountsTheTable()
    {
        var outcomes = new PairedOutcomes();
        // (ref, candidate): 3 × (1,1), 2 × (1,0), 1 × (0,1), 4 × (0,0); candidates of even samples arrive first.
        double[] reference = [1, 1, 1, 1, 1, 0, 0, 0, 0, 0];
        double[] candidate = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0];
        for (var i = 0; i < 10; i++)
        {
            if (i % 2 == 0)
            {
                outcomes.AddCandidate(Key(i), "blur", candidate[i]);
                outcomes.AddReference(Key(i), reference[i]);
            }
            else
            {
                outcomes.AddReference(Key(i), reference[i]);
                outcomes.AddCandidate(Key(i), "blur", candidate[i]);
            }
        }

        var group = Assert.Single(outcomes.Build());

        Assert.Equal(("m", "t1-basic", "yesno", "blur", 10L), (group.ModelId, group.TaskId, group.JudgeId, group.Label, group.Pairs));
        Assert.Equal((2L, 1L), (group.Comparison!.McNemarB!.Value, group.Comparison.McNemarC!.Value));
        Assert.Equal(0.5, group.Comparison.ValueA, 12);
        Assert.Equal(0.4, group.Comparison.ValueB, 12);
    }

    [Fact]
    public void Build_OneReferenceManyVariants_OneGroupPerLabel()
    {
        var outcomes = new PairedOutcomes();
        for (var i = 0; i < 4; i++)
        {
            outcomes.AddReference(Key(i), 1);
            outcomes.AddCandidate(Key(i), "blur", 0);
            outcomes.AddCandidate(Key(i), "noise", 1);
        }

        var groups = outcomes.Build();

        Assert.Equal(["blur", "noise"], groups.Select(g => g.Label));
        Assert.Equal(-1, groups[0].Comparison!.Delta, 12);
        Assert.Equal(0, groups[1].Comparison!.Delta, 12);
        Assert.Equal(0, outcomes.UnmatchedReferences());
    }

    [Fact]
    public void Build_CandidateWithoutReference_CountedUnmatched()
    {
        var outcomes = new PairedOutcomes();
        outcomes.AddReference(Key(1), 1);
        outcomes.AddCandidate(Key(1), "blur", 1);
        outcomes.AddCandidate(Key(2), "blur", 0);
        outcomes.AddReference(Key(3), 0);

        var group = Assert.Single(outcomes.Build());

        Assert.Equal(1, group.Pairs);
        Assert.Equal(1, group.UnmatchedCandidates);
        Assert.Equal(1, outcomes.UnmatchedReferences());
    }

    [Fact]
    public void Build_NonBinaryScores_PairedT()
    {
        var outcomes = new PairedOutcomes();
        double[] diffs = [0.5, 0.2, -0.1, 0.4, 0.3, 0.0, 0.6, 0.1];
        for (var i = 0; i < diffs.Length; i++)
        {
            outcomes.AddReference(Key(i), 0.2);
            outcomes.AddCandidate(Key(i), "x", 0.2 + diffs[i]);
        }

        var comparison = Assert.Single(outcomes.Build()).Comparison!;

        Assert.Equal(ComparisonMethods.PairedT, comparison.Method);
        Assert.Equal(0.25, comparison.Delta, 10);
        Assert.Equal(0.0234246, comparison.PValue!.Value, 6);
        Assert.Null(comparison.McNemarB);
    }

    [Fact]
    public void AddReference_SameKeyTwice_SecondIgnoredAndCounted()
    {
        var outcomes = new PairedOutcomes();
        outcomes.AddReference(Key(1), 1);
        outcomes.AddReference(Key(1), 0);
        outcomes.AddCandidate(Key(1), "x", 1);

        Assert.Equal(1, outcomes.DuplicateReferences);
        Assert.Equal(0, Assert.Single(outcomes.Build()).Comparison!.Delta);
    }

    [Fact]
    public void AddCandidate_NaN_ThrowsNamingSample()
    {
        var outcomes = new PairedOutcomes();

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => outcomes.AddCandidate(Key(7), "x", double.NaN));

        Assert.Contains("s7", error.Message);
    }
}
