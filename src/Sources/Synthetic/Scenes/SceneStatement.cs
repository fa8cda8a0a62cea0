namespace MultiTrust.Sources.Synthetic.Scenes;

/// <summary>A statement about a scene, its kind (existence, count, colour, relative, absolute) and its truth.</summary>
public sealed record SceneStatement(string Text, string Kind, bool Truth);
