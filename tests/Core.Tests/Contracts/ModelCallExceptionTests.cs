using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;

namespace MultiTrust.Core.Tests.Contracts;

public sealed class ModelCallExceptionTests
{
    [Theory]
    [InlineData(ResponseStatus.Answered)]
    [InlineData(ResponseStatus.Truncated)]
    public void Constructor_TextCarryingStatus_Throws(ResponseStatus status)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new ModelCallException(status, "x", 1));

        Assert.Equal("status", e.ParamName);
    }

    [Theory]
    [InlineData(ResponseStatus.Error)]
    [InlineData(ResponseStatus.Timeout)]
    [InlineData(ResponseStatus.ContentFiltered)]
    public void Constructor_FailureStatus_KeepsStatusAttemptsAndInner(ResponseStatus status)
    {
        var inner = new HttpRequestException("boom");

        var e = new ModelCallException(status, "call failed", 3, inner);

        Assert.Equal((status, 3, "call failed"), (e.Status, e.Attempts, e.Message));
        Assert.Same(inner, e.InnerException);
    }
}
