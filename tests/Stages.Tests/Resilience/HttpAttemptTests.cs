using System.Net;
using System.Net.Http.Headers;
using System.Text;
using MultiTrust.Core.Records;
using MultiTrust.Stages.Resilience;

namespace MultiTrust.Stages.Tests.Resilience;

public sealed class HttpAttemptTests
{
    [Fact]
    public void ParseRetryAfter_Seconds_ReturnsDelta()
    {
        var header = RetryConditionHeaderValue.Parse("3");

        Assert.Equal(TimeSpan.FromSeconds(3), HttpAttempt.ParseRetryAfter(header, DateTimeOffset.UnixEpoch));
    }

    [Fact]
    public void ParseRetryAfter_HttpDate_ReturnsTimeUntilDate()
    {
        var now = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
        var header = RetryConditionHeaderValue.Parse(now.AddSeconds(7).ToString("R"));

        Assert.Equal(TimeSpan.FromSeconds(7), HttpAttempt.ParseRetryAfter(header, now));
        Assert.Equal(TimeSpan.Zero, HttpAttempt.ParseRetryAfter(header, now.AddMinutes(1)));
    }

    [Fact]
    public void ParseRetryAfter_Absent_ReturnsNull()
    {
        Assert.Null(HttpAttempt.ParseRetryAfter(null, DateTimeOffset.UnixEpoch));
    }

    [Fact]
    public async Task FailedAsync_TooManyRequestsWithRetryAfter_ThrottledWithPause()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(2));

        var outcome = await HttpAttempt.FailedAsync<string>(response, t => t, DateTimeOffset.UnixEpoch, default);

        Assert.True(outcome is { Throttled: true, Retryable: true, EndpointFault: false });
        Assert.Equal(TimeSpan.FromSeconds(2), outcome.RetryAfter);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(503)]
    [InlineData(408)]
    public async Task FailedAsync_ServerErrorOrRequestTimeout_TransientEndpointFault(int status)
    {
        using var response = new HttpResponseMessage((HttpStatusCode)status);

        var outcome = await HttpAttempt.FailedAsync<string>(response, t => t, DateTimeOffset.UnixEpoch, default);

        Assert.True(outcome is { Retryable: true, EndpointFault: true, Throttled: false });
        Assert.Equal(ResponseStatus.Error, outcome.FailureStatus);
    }

    [Fact]
    public async Task FailedAsync_HugeErrorBody_ReadsOnlyTheCapAndQuotesASnippet()
    {
        var body = new CountingStream("{\"error\":{\"code\":\"bad_request\",\"message\":\"" + new string('x', 10_000_000));
        using var response = new HttpResponseMessage(HttpStatusCode.BadRequest) { Content = new StreamContent(body, 4096) };

        var outcome = await HttpAttempt.FailedAsync<string>(response, t => t, DateTimeOffset.UnixEpoch, default);

        Assert.False(outcome.Retryable);
        Assert.StartsWith("HTTP 400 (BadRequest): {\"error\"", outcome.Cause, StringComparison.Ordinal);
        Assert.True(outcome.Cause.Length <= 40 + HttpAttempt.SnippetLength);
        Assert.InRange(body.BytesRead, ErrorBody.MaxBytes, ErrorBody.MaxBytes + 4096);
    }

    [Fact]
    public async Task ErrorBodyReadAsync_EndlessStream_ReturnsAfterTheCap()
    {
        using var endless = new EndlessStream();

        var text = await ErrorBody.ReadAsync(endless, default, maxBytes: 1000);

        Assert.Equal(new string('a', 1000), text);
    }

    [Fact]
    public async Task FailedAsync_ContentFilterCodeInBody_FinalContentFiltered()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.BadRequest)
        {
            Content = new StringContent("{\"error\":{\"code\":\"content_filter\",\"message\":\"filtered\"}}", Encoding.UTF8),
        };

        var outcome = await HttpAttempt.FailedAsync<string>(response, t => t, DateTimeOffset.UnixEpoch, default);

        Assert.Equal(ResponseStatus.ContentFiltered, outcome.FailureStatus);
        Assert.False(outcome.Retryable);
    }

    /// <summary>A readable in-memory body that remembers how many bytes a reader took before disposing it.</summary>
    private sealed class CountingStream(string text) : MemoryStream(Encoding.UTF8.GetBytes(text))
    {
        private long _readBeforeDispose = -1;

        public long BytesRead => _readBeforeDispose >= 0 ? _readBeforeDispose : Position;

        protected override void Dispose(bool disposing)
        {
            if (_readBeforeDispose < 0)
            {
                _readBeforeDispose = Position;
            }

            base.Dispose(disposing);
        }
    }

    /// <summary>A body that never ends.</summary>
    private sealed class EndlessStream : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            buffer.AsSpan(offset, count).Fill((byte)'a');
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
