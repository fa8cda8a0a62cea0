using MultiTrust.Core.Records;

namespace MultiTrust.Core.Tests.Records;

public sealed class StatusNamesTests
{
    public static TheoryData<ResponseStatus> ResponseStatuses => [.. Enum.GetValues<ResponseStatus>()];

    public static TheoryData<JudgmentStatus> JudgmentStatuses => [.. Enum.GetValues<JudgmentStatus>()];

    [Theory]
    [MemberData(nameof(ResponseStatuses))]
    public void ResponseStatusParse_NameOfEveryValue_RoundTrips(ResponseStatus status)
    {
        var name = status.ToName();

        Assert.Equal(status, ResponseStatusNames.Parse(name));
        Assert.Matches("^[a-z_]+$", name);
    }

    [Fact]
    public void ResponseStatusToName_EveryValue_IsDistinct()
    {
        var names = Enum.GetValues<ResponseStatus>().Select(s => s.ToName()).ToList();

        Assert.Equal(names.Count, names.Distinct().Count());
    }

    [Theory]
    [InlineData("Answered")]
    [InlineData("ok")]
    [InlineData("")]
    public void ResponseStatusParse_UnknownName_ThrowsFormatException(string name)
    {
        var e = Assert.Throws<FormatException>(() => ResponseStatusNames.Parse(name));

        Assert.Contains($"'{name}'", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ResponseStatus.Answered, true)]
    [InlineData(ResponseStatus.Truncated, true)]
    [InlineData(ResponseStatus.ContentFiltered, false)]
    [InlineData(ResponseStatus.Error, false)]
    [InlineData(ResponseStatus.Timeout, false)]
    [InlineData(ResponseStatus.Empty, false)]
    public void HasText_Status_IsTrueOnlyForAnsweredAndTruncated(ResponseStatus status, bool expected)
    {
        Assert.Equal(expected, status.HasText());
    }

    [Fact]
    public void ResponseStatusToName_UndefinedValue_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ((ResponseStatus)99).ToName());
    }

    [Theory]
    [MemberData(nameof(JudgmentStatuses))]
    public void JudgmentStatusParse_NameOfEveryValue_RoundTrips(JudgmentStatus status)
    {
        var name = status.ToName();

        Assert.Equal(status, JudgmentStatusNames.Parse(name));
        Assert.Matches("^[a-z_]+$", name);
    }

    [Fact]
    public void JudgmentStatusToName_EveryValue_IsDistinct()
    {
        var names = Enum.GetValues<JudgmentStatus>().Select(s => s.ToName()).ToList();

        Assert.Equal(names.Count, names.Distinct().Count());
    }

    [Theory]
    [InlineData("Ok")]
    [InlineData("answered")]
    [InlineData("")]
    public void JudgmentStatusParse_UnknownName_ThrowsFormatException(string name)
    {
        var e = Assert.Throws<FormatException>(() => JudgmentStatusNames.Parse(name));

        Assert.Contains($"'{name}'", e.Message, StringComparison.Ordinal);
    }
}
