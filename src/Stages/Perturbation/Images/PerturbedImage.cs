namespace MultiTrust.Stages.Perturbation.Images;

/// <summary>The encoded output of a perturbation chain.</summary>
/// <param name="Bytes">The encoded image.</param>
/// <param name="MediaType"><c>image/png</c> or <c>image/jpeg</c>.</param>
/// <param name="Encoding"><c>png</c>, or <c>jpeg-q{quality}</c> (e.g. <c>jpeg-q95</c>).</param>
public sealed record PerturbedImage(byte[] Bytes, string MediaType, int Width, int Height, string Encoding);
