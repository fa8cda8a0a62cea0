namespace MultiTrust.Sources.Synthetic.Scenes;

/// <summary>
/// An analogue clock showing <see cref="Hour"/>:<see cref="Minute"/> (12-hour), centred at (<see cref="X"/>,
/// <see cref="Y"/>) in a <see cref="Scene.Size"/>-pixel square, with a face and hands of palette colours
/// (<see cref="ScenePalette.ColourOf"/>). The minute hand points at minute tick <see cref="Minute"/>; the hour hand turns
/// continuously (half a degree per minute), as on a real clock.
/// </summary>
public sealed record ClockFace(int Hour, int Minute, int X, int Y, int Radius, string Face, string Hands, string Background)
{
    /// <summary>"3:07".</summary>
    public string Time => ClockTime.Format(Hour, Minute);

    /// <summary>Metadata form: <c>h:mm x y radius</c> (the colours are names with spaces; callers store them apart).</summary>
    public override string ToString() => $"{Time} {X} {Y} {Radius}";
}
