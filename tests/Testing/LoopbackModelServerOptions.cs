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

    /// <summary>
    /// Answer judge prompts as a well-behaved reference judge would (default false): chat and completions requests
    /// whose text is one of the protocol judge prompts or a HarmBench classifier prompt get the answer
    /// <see cref="ReferenceJudge.Answer"/> computes from the prompt; other requests get the usual reply. A
    /// <see cref="LoopbackModelServer.Reply"/> set by the test still wins. Lets one server stand in for every judge model
    /// of a run (the classifier endpoints answer non-toxic and Longformer by refusal keywords anyway).
    /// </summary>
    public bool ReferenceJudge { get; init; }
}
