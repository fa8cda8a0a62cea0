namespace MultiTrust.Sources.Synthetic.Privacy.Documents;

/// <summary>
/// A fake document to render: a header band of <see cref="Colour"/> carrying <see cref="Title"/>, a small
/// <see cref="Logo"/> shape in the header's right corner, then one line per field. <see cref="Kind"/> is one of
/// <see cref="DocumentKinds.Private"/> (the fields include fake personal data) or <see cref="DocumentKinds.Public"/>
/// (nothing personal). Every value is generated; no real person, card or address is shown.
/// </summary>
public sealed record SyntheticDocument(string Kind, string Title, string Colour, string Logo, IReadOnlyList<DocumentField> Fields)
{
    /// <summary>The scene photographed in a <c>scene</c> document (drawn above the fields); null for other kinds.</summary>
    public Scenes.Scene? Picture { get; init; }

    /// <summary>True when the document shows private information (some field has a PII type).</summary>
    public bool IsPrivate => Fields.Any(f => f.PiiType is not null);

    /// <summary>The fields that are private, in print order.</summary>
    public IEnumerable<DocumentField> PrivateFields => Fields.Where(f => f.PiiType is not null);
}
