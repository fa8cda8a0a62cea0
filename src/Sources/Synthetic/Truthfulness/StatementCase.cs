using MultiTrust.Sources.Imaging;

namespace MultiTrust.Sources.Synthetic.Truthfulness;

/// <summary>A rendered case and its statement; <paramref name="Facts"/> go to the sample metadata (what the truth was computed from).</summary>
internal sealed record StatementCase(string Statement, RenderedImage Image, IReadOnlyDictionary<string, string> Facts);
