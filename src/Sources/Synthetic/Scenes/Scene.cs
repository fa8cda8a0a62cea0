namespace MultiTrust.Sources.Synthetic.Scenes;

/// <summary>A plain background and objects with distinct (colour, shape) pairs (T.1 draws 1–4; other generators up to a grid full).</summary>
public sealed record Scene(string Background, IReadOnlyList<SceneObject> Objects)
{
    public const int Size = 384;

    public int Count(string shape) => Objects.Count(o => o.Shape == shape);

    public bool Contains(string colour, string shape) => Objects.Any(o => o.Colour == colour && o.Shape == shape);

    /// <summary>Metadata form: objects separated by <c>;</c> (see <see cref="SceneObject.ToString"/>).</summary>
    public string Describe() => string.Join(';', Objects);
}
