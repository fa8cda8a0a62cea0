namespace MultiTrust.Core.Contracts;

/// <summary>Keys this tool uses in <c>ChatOptions.AdditionalProperties</c> and <c>ChatResponse.AdditionalProperties</c>.</summary>
public static class ChatPropertyKeys
{
    /// <summary>
    /// Request side: the sample's ideal response (<c>SampleTarget.Reference</c>), read only by <c>baseline:oracle</c>.
    /// Never sent over the network and not part of the request hash.
    /// </summary>
    public const string Reference = "multitrust.reference";

    /// <summary>Request side: a stable per-request seed (for <c>baseline:random</c>). Never sent over the network.</summary>
    public const string RequestSeed = "multitrust.request_seed";

    /// <summary>Response side: number of HTTP attempts the client made (int).</summary>
    public const string Attempts = "multitrust.attempts";

    /// <summary>Response side: the <c>system_fingerprint</c> an OpenAI-compatible server reported (string), if any.</summary>
    public const string SystemFingerprint = "multitrust.system_fingerprint";
}
