namespace MultiTrust.Testing;

/// <summary>One misbehaviour of <see cref="LoopbackModelServer"/> for one request. Immutable; reuse instances freely.</summary>
public sealed class Fault
{
    private Fault(
        FaultKind kind, int statusCode = 200, int? retryAfterSeconds = null, TimeSpan delay = default, string? errorMessage = null, string? errorCode = null,
        bool providerSignalOnly = false)
    {
        ProviderSignalOnly = providerSignalOnly;
        Kind = kind;
        StatusCode = statusCode;
        RetryAfterSeconds = retryAfterSeconds;
        Delay = delay;
        ErrorMessage = errorMessage;
        ErrorCode = errorCode;
    }

    /// <summary>The <c>error.message</c> of a <see cref="FaultKind.Status"/> body (default "injected fault: HTTP n").</summary>
    public string? ErrorMessage { get; }

    /// <summary>The <c>error.code</c> string of a <see cref="FaultKind.Status"/> body (default: the status number).</summary>
    public string? ErrorCode { get; }

    /// <summary>An error status with a chosen body, e.g. <c>Error(400, "filtered", "content_filter")</c>.</summary>
    public static Fault Error(int statusCode, string message, string? code = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 400);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 599);
        return new Fault(FaultKind.Status, statusCode, errorMessage: message, errorCode: code);
    }

    public FaultKind Kind { get; }

    /// <summary>The HTTP status for <see cref="FaultKind.Status"/>.</summary>
    public int StatusCode { get; }

    /// <summary>The <c>Retry-After</c> header value in seconds, when set.</summary>
    public int? RetryAfterSeconds { get; }

    /// <summary>The wait of a <see cref="FaultKind.Slow"/> fault.</summary>
    public TimeSpan Delay { get; }

    /// <summary>429 Too Many Requests, with <c>Retry-After: retryAfterSeconds</c> when given.</summary>
    public static Fault TooManyRequests(int? retryAfterSeconds = null)
    {
        if (retryAfterSeconds is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(retryAfterSeconds), retryAfterSeconds, "Retry-After must be >= 0.");
        }

        return new Fault(FaultKind.Status, 429, retryAfterSeconds);
    }

    /// <summary>
    /// Whether the retry delay of a 429 travels only in the API's own signal, without a standard <c>Retry-After</c>: Azure
    /// <c>retry-after-ms</c>, Anthropic <c>anthropic-ratelimit-requests-reset</c> (an RFC 3339 time), Gemini
    /// <c>RetryInfo.retryDelay</c> (OpenAI has none, so it carries no delay at all).
    /// </summary>
    public bool ProviderSignalOnly { get; }

    /// <summary>429 whose delay travels only in the API's own rate-limit signal (see <see cref="ProviderSignalOnly"/>).</summary>
    public static Fault RateLimitedByProviderSignal(int retryAfterSeconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(retryAfterSeconds);
        return new Fault(FaultKind.Status, 429, retryAfterSeconds, providerSignalOnly: true);
    }

    /// <summary>500 Internal Server Error.</summary>
    public static Fault ServerError() => new(FaultKind.Status, 500);

    /// <summary>Any HTTP status from 400 to 599 (for example 400, 401, 408, 503).</summary>
    public static Fault Status(int statusCode, int? retryAfterSeconds = null)
    {
        if (statusCode is < 400 or > 599)
        {
            throw new ArgumentOutOfRangeException(nameof(statusCode), statusCode, "An error status (400-599) is required.");
        }

        return new Fault(FaultKind.Status, statusCode, retryAfterSeconds);
    }

    /// <summary>Wait <paramref name="delay"/> (or until the client gives up), then answer normally.</summary>
    public static Fault Slow(TimeSpan delay) => new(FaultKind.Slow, delay: delay);

    /// <summary>Never answer; the request is held until the client's timeout (or the server stops) and then dropped.</summary>
    public static Fault Hang() => new(FaultKind.Hang, delay: Timeout.InfiniteTimeSpan);

    public static Fault MalformedJson() => new(FaultKind.MalformedJson);

    public static Fault TruncatedBody() => new(FaultKind.TruncatedBody);

    public static Fault ConnectionReset() => new(FaultKind.ConnectionReset);

    public static Fault ContentFilter() => new(FaultKind.ContentFilter);

    public static Fault Length() => new(FaultKind.Length);

    public static Fault EmptyContent() => new(FaultKind.EmptyContent);

    public override string ToString() => Kind switch
    {
        FaultKind.Status => $"Status({StatusCode}, Retry-After={RetryAfterSeconds?.ToString() ?? "none"})",
        FaultKind.Slow => $"Slow({Delay})",
        _ => Kind.ToString(),
    };
}
