using System.Net.Http.Headers;
using MultiTrust.Stages.Inference.OpenAICompatible;

namespace MultiTrust.Stages.Tests.Inference.OpenAICompatible;

public sealed class RetryBackoffTests
{
    private static readonly TimeSpan s_base = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan s_max = TimeSpan.FromSeconds(2);

    [Theory]
    [InlineData(1, 0.5, 50)]
    [InlineData(2, 0.5, 100)]
    [InlineData(3, 0.99, 396)]
    [InlineData(10, 0.5, 1000)] // 100 ms * 2^9 capped at 2 s, then halved by jitter
    [InlineData(1, 0.0, 0)]
    public void ComputeDelay_NoRetryAfter_IsJitterTimesCappedExponential(int attempt, double jitter, int expectedMs)
    {
        var delay = RetryBackoff.ComputeDelay(attempt, null, jitter, s_base, s_max);

        Assert.Equal(expectedMs, delay.TotalMilliseconds, precision: 3);
    }

    [Theory]
    [InlineData(1, 1000)]
    [InlineData(5, 2000)]
    [InlineData(0, 0)]
    public void ComputeDelay_RetryAfter_HonouredAndCappedByMaxDelay(int retryAfterSeconds, int expectedMs)
    {
        var delay = RetryBackoff.ComputeDelay(1, TimeSpan.FromSeconds(retryAfterSeconds), 0.9, s_base, s_max);

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), delay);
    }

    [Fact]
    public void ComputeDelay_JitterOutOfRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RetryBackoff.ComputeDelay(1, null, 1.0, s_base, s_max));
    }

    [Fact]
    public void ParseRetryAfter_Seconds_ReturnsDelta()
    {
        var header = RetryConditionHeaderValue.Parse("3");

        Assert.Equal(TimeSpan.FromSeconds(3), RetryBackoff.ParseRetryAfter(header, DateTimeOffset.UnixEpoch));
    }

    [Fact]
    public void ParseRetryAfter_HttpDate_ReturnsTimeUntilDate()
    {
        var now = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
        var header = RetryConditionHeaderValue.Parse(now.AddSeconds(7).ToString("R"));

        Assert.Equal(TimeSpan.FromSeconds(7), RetryBackoff.ParseRetryAfter(header, now));
        Assert.Equal(TimeSpan.Zero, RetryBackoff.ParseRetryAfter(header, now.AddMinutes(1)));
    }

    [Fact]
    public void ParseRetryAfter_Absent_ReturnsNull()
    {
        Assert.Null(RetryBackoff.ParseRetryAfter(null, DateTimeOffset.UnixEpoch));
    }
}
