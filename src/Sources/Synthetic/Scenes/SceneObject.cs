namespace MultiTrust.Sources.Synthetic.Scenes;

/// <summary>
/// One drawn object: a shape of a colour centred at (<see cref="X"/>, <see cref="Y"/>) pixels, inscribed in a circle
/// of <see cref="Radius"/>. Objects sit in distinct cells of a 4 × 4 grid, so two objects in different columns are
/// unambiguously left/right of each other (and likewise rows for above/below).
/// </summary>
public sealed record SceneObject(string Shape, string Colour, int X, int Y, int Radius)
{
    public const int CellSize = 96;

    public int Column => X / CellSize;

    public int Row => Y / CellSize;

    /// <summary>"red circle".</summary>
    public string Name => $"{Colour} {Shape}";

    /// <summary>Metadata form: <c>colour shape x y radius</c>.</summary>
    public override string ToString() => $"{Colour} {Shape} {X} {Y} {Radius}";
}
