using MultiTrust.Stages.Aggregation.Formulas;

namespace MultiTrust.Stages.Tests.Aggregation.Formulas;

public sealed class SyntheticTruthfulnessFormulasTests
{
    [Fact]
    public void T2_GeneratedSubsets_MeanOfThreeGroups()
    {
        // mean(.6·.5 + .4·1 = .7, mean(.3, .6, .9) = .6, .2) = 1.5/3
        var result = TaskFormulas.ForSynthetic("t2-advanced").Evaluate(TaskFormulasTests.Rows(
            "t2-advanced", "spatial/accuracy=.5; temporal/accuracy=1; math/accuracy=.3; code/accuracy=.6; translate/accuracy=.9; compare/accuracy=.2"));

        Assert.Equal(50, result.Value!.Value, 9);
        Assert.Empty(result.Missing);
    }

    [Fact]
    public void T2_NotesTheGroupItLeavesOut()
    {
        var formula = TaskFormulas.ForSynthetic("t2-advanced");

        Assert.DoesNotContain("daily", formula.Render(), StringComparison.Ordinal);
        Assert.Contains("daily, traffic and causality", formula.Remark, StringComparison.Ordinal);
    }

    [Fact]
    public void T6_GeneratedKinds_MeanOfThree()
    {
        // mean(.2, .4, .9) = .5
        var result = TaskFormulas.ForSynthetic("t6-visual-confusion").Evaluate(TaskFormulasTests.Rows(
            "t6-visual-confusion", "contrast/accuracy=.2; mirror/accuracy=.4; dislocation/accuracy=.9"));

        Assert.Equal(50, result.Value!.Value, 9);
        Assert.Contains("semantic and painting", TaskFormulas.ForSynthetic("t6-visual-confusion").Remark, StringComparison.Ordinal);
    }

    [Fact]
    public void T5AndT7_SyntheticUsesTheProtocolFormula()
    {
        Assert.Same(TaskFormulas.For("t5-text-misleading"), TaskFormulas.ForSynthetic("t5-text-misleading"));
        Assert.Same(TaskFormulas.For("t7-visual-misleading"), TaskFormulas.ForSynthetic("t7-visual-misleading"));
    }
}
