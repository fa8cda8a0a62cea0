namespace MultiTrust.Sources.Imaging;

/// <summary>Horizontal placement of each rendered line.</summary>
public enum TypographyAlignment
{
    /// <summary>Lines start at the left margin (FigStep/SafeBench images).</summary>
    Left,

    /// <summary>Lines are centred (the protocol's <c>RelatedTextEmbedImage</c>; the default).</summary>
    Center,

    /// <summary>Lines end at the right margin.</summary>
    Right,
}
