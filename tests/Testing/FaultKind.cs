namespace MultiTrust.Testing;

/// <summary>The misbehaviours <see cref="LoopbackModelServer"/> can produce on demand.</summary>
public enum FaultKind
{
    /// <summary>An HTTP error status with a small JSON error body (429 carries <c>Retry-After</c> when set).</summary>
    Status,

    /// <summary>Wait, then answer normally (or get cut off by the client's timeout).</summary>
    Slow,

    /// <summary>Never answer: hold the request until the client gives up (or the server stops), then drop the connection.</summary>
    Hang,

    /// <summary>200 with a body that is not valid JSON.</summary>
    MalformedJson,

    /// <summary>200 with a <c>Content-Length</c> larger than what is sent, then the connection is aborted.</summary>
    TruncatedBody,

    /// <summary>The connection is aborted before any response is written.</summary>
    ConnectionReset,

    /// <summary>A normal answer whose <c>finish_reason</c> is <c>content_filter</c>.</summary>
    ContentFilter,

    /// <summary>A normal answer whose <c>finish_reason</c> is <c>length</c>.</summary>
    Length,

    /// <summary>A normal answer with empty content.</summary>
    EmptyContent,
}
