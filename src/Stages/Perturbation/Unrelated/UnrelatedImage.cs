namespace MultiTrust.Stages.Perturbation.Unrelated;

/// <summary>A generated unrelated image: deterministic PNG bytes (RGB, 8 bit), its size and its kind
/// (<c>color</c>, <c>nature</c> or <c>noise</c>).</summary>
public sealed record UnrelatedImage(byte[] Png, int Width, int Height, string Kind)
{
    /// <summary>The media type of <see cref="Png"/>.</summary>
    public string MediaType => "image/png";
}
