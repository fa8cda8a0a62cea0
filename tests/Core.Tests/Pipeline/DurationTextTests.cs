using MultiTrust.Core.Pipeline;

namespace MultiTrust.Core.Tests.Pipeline;

public sealed class DurationTextTests
{
    [Theory]
    [InlineData("500ms", 500)]
    [InlineData("30s", 30_000)]
    [InlineData("2m", 120_000)]
    [InlineData("1h", 3_600_000)]
    [InlineData("45", 45_000)]
    [InlineData(" 10s ", 10_000)]
    public void TryParse_Unit_ScalesToMilliseconds(string text, double expectedMs)
    {
        Assert.True(DurationText.TryParse(text, out var value));

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), value);
    }

    [Theory]
    [InlineData("1.5s", 1_500)]
    [InlineData("0.5m", 30_000)]
    [InlineData("2.25", 2_250)]
    [InlineData("1e3ms", 1_000)]
    [InlineData("0.25h", 900_000)]
    public void TryParse_Decimal_ParsesInvariantly(string text, double expectedMs)
    {
        Assert.True(DurationText.TryParse(text, out var value));

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("soon")]
    [InlineData("5x")]
    [InlineData("ms")]
    [InlineData("s")]
    [InlineData("1,5s")]
    [InlineData("5 minutes")]
    [InlineData("5M")]
    public void TryParse_Invalid_ReturnsFalseAndZero(string text)
    {
        Assert.False(DurationText.TryParse(text, out var value));

        Assert.Equal(TimeSpan.Zero, value);
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("1e20")]
    [InlineData("1e300s")]
    public void TryParse_NotRepresentable_ReturnsFalse(string text)
    {
        Assert.False(DurationText.TryParse(text, out _));
    }
}
