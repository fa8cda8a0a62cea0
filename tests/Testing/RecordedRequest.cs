namespace MultiTrust.Testing;

/// <summary>
/// What <see cref="LoopbackModelServer"/> saw in one model request, whatever its wire format (OpenAI chat or completions,
/// Azure OpenAI, Anthropic Messages, Gemini generateContent): the fields are read from that format.
/// </summary>
public sealed record RecordedRequest
{
    /// <summary>1-based arrival number across the server's lifetime.</summary>
    public required long Sequence { get; init; }

    /// <summary>Lower-case hex SHA-256 of the exact request body bytes (empty when recording is off).</summary>
    public required string BodySha256 { get; init; }

    /// <summary>Length of the request body in bytes.</summary>
    public required int BodyLength { get; init; }

    /// <summary>The raw <c>Authorization</c> header, or null when absent.</summary>
    public string? Authorization { get; init; }

    /// <summary>The <c>model</c> field, or null when absent.</summary>
    public string? Model { get; init; }

    /// <summary>Number of entries in <c>messages</c>.</summary>
    public int MessageCount { get; init; }

    /// <summary>Text of the last <c>user</c> message (text parts joined with a newline), or null when there is none.</summary>
    public string? LastUserText { get; init; }

    /// <summary>
    /// For every <c>image_url</c> part of every message, the length in bytes of the URL as written in the JSON (between
    /// the quotes, escapes included), so an escaped <c>+</c> (<c>\u002B</c>) makes it longer than the data URI itself.
    /// </summary>
    public IReadOnlyList<int> ImageUrlLengths { get; init; } = [];

    public int? MaxTokens { get; init; }

    public double? Temperature { get; init; }

    public double? TopP { get; init; }

    public long? Seed { get; init; }

    public IReadOnlyList<string> Stop { get; init; } = [];

    /// <summary>The SHA-256 (lower-case hex) of each image's decoded bytes, in request order, whatever way the format carries them.</summary>
    public IReadOnlyList<string> ImageSha256s { get; init; } = [];

    /// <summary>The request path, e.g. <c>/v1/messages</c>.</summary>
    public string Path { get; init; } = string.Empty;

    /// <summary>The query string including its <c>?</c>, or empty.</summary>
    public string Query { get; init; } = string.Empty;

    /// <summary>
    /// The credential and version headers received (<c>authorization</c>, <c>api-key</c>, <c>x-api-key</c>,
    /// <c>x-goog-api-key</c>, <c>anthropic-version</c>), keyed by lower-case name; absent ones are missing.
    /// </summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>Top-level property names of the request object, in order (to assert nothing extra was sent).</summary>
    public IReadOnlyList<string> TopLevelProperties { get; init; } = [];

    /// <summary>Why the body could not be parsed as a chat request, or null when it parsed.</summary>
    public string? ParseError { get; init; }

    /// <summary>A copy of the body, only when <see cref="LoopbackModelServerOptions.CaptureBodies"/> is set.</summary>
    public byte[]? Body { get; init; }
}
