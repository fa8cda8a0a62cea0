namespace MultiTrust.Testing;

/// <summary>What <see cref="LoopbackModelServer"/> saw in one moderation, Perspective or Longformer request.</summary>
public sealed class ClassifierRequest
{
    /// <summary>1-based arrival number, shared with the chat requests.</summary>
    public required long Sequence { get; init; }

    /// <summary><c>moderation</c>, <c>perspective</c> or <c>longformer</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>The text to classify (<c>input</c>, <c>comment.text</c> or <c>inputs</c>), or null when absent.</summary>
    public string? Text { get; init; }

    /// <summary>The moderation <c>model</c> field, or null.</summary>
    public string? Model { get; init; }

    /// <summary>The raw <c>Authorization</c> header, or null.</summary>
    public string? Authorization { get; init; }

    /// <summary>The <c>key</c> query parameter (Perspective), or null.</summary>
    public string? QueryKey { get; init; }

    /// <summary>Perspective <c>requestedAttributes</c> names, in order.</summary>
    public IReadOnlyList<string> RequestedAttributes { get; init; } = [];

    /// <summary>Why the body could not be read, or null.</summary>
    public string? ParseError { get; init; }
}
