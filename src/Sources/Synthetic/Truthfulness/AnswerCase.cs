using MultiTrust.Sources.Imaging;

namespace MultiTrust.Sources.Synthetic.Truthfulness;

/// <summary>
/// A question with one exact answer (the <c>contains</c> judge's Expected) and other accepted forms of it
/// (<paramref name="Accept"/>, e.g. the number as a word). <paramref name="Image"/> renders the image on demand (a
/// text-only sample of the same case does not pay for it).
/// </summary>
internal sealed record AnswerCase(string Question, Func<RenderedImage> Image, string Answer, IReadOnlyList<string> Accept, IReadOnlyDictionary<string, string> Facts);
