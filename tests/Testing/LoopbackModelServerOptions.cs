namespace MultiTrust.Testing;

/// <summary>Options of <see cref="LoopbackModelServer"/>, fixed at start.</summary>
public sealed class LoopbackModelServerOptions
{
    /// <summary>
    /// Keep every <see cref="RecordedRequest"/> and the per-body-hash counts (default true). Turn off for long benchmark
    /// runs so memory stays flat; the totals and the in-flight maximum are always kept.
    /// </summary>
    public bool RecordRequests { get; init; } = true;

    /// <summary>Copy each request body into <see cref="RecordedRequest.Body"/> (default false).</summary>
    public bool CaptureBodies { get; init; }
}
