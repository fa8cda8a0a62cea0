namespace MultiTrust.Sources.Synthetic.CrossModal;

/// <summary>
/// Applies the project's seeded text perturbation <paramref name="name"/> (<c>typos</c>, <c>homoglyphs</c>,
/// <c>leetspeak</c>, <c>casing</c>, <c>whitespace</c>, ...) at <paramref name="severity"/> 1–5 to
/// <paramref name="text"/>: the same arguments must give the same text on every machine. The perturbations belong to the
/// perturbation stage (<c>MultiTrust.Stages.Perturbation.Text</c>), which this project does not reference, so a
/// synthetic binding passes them in. Must be thread-safe.
/// </summary>
public delegate string TextPerturber(string text, string name, int severity, ulong seed);
