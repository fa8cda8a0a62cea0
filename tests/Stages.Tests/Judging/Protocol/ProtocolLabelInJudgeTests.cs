using MultiTrust.Core.Records;
using MultiTrust.Stages.Judging.Protocol;

namespace MultiTrust.Stages.Tests.Judging.Protocol;

public sealed class ProtocolLabelInJudgeTests
{
    [Theory]
    [InlineData("LABEL_0", 1)]
    [InlineData("LABEL_4", 1)]
    [InlineData(" LABEL_4\n", 1)]
    [InlineData("LABEL_3", 0)]
    [InlineData("label_0", 0)]
    [InlineData("LABEL_00", 0)]
    [InlineData("", 0)]
    public void Judge_LabelInList_One(string read, double score)
    {
        Assert.True(ProtocolLabelInJudge.TryCreate("label-in:LABEL_0,LABEL_4", out var judge));

        var verdict = judge.Judge(read);

        Assert.Equal(score, verdict.Score);
        Assert.Equal(JudgmentStatus.Ok, verdict.Status);
    }

    [Fact]
    public void TryCreate_SpacedList_TrimmedLabelsAndCanonicalId()
    {
        Assert.True(ProtocolLabelInJudge.TryCreate("label-in:LABEL_0, LABEL_1", out var judge));

        Assert.Equal(["LABEL_0", "LABEL_1"], judge.Labels);
        Assert.Equal("label-in:LABEL_0,LABEL_1", judge.Id);
    }

    [Theory]
    [InlineData("label-in:")]
    [InlineData("label-in:LABEL_0,,LABEL_1")]
    [InlineData("label-in:LABEL_0,")]
    [InlineData("labels-in:LABEL_0")]
    [InlineData("LABEL_0")]
    public void TryCreate_MalformedId_False(string id)
    {
        Assert.False(ProtocolLabelInJudge.TryCreate(id, out _));
    }
}
