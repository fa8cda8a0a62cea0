using MultiTrust.Core.Imaging;
namespace MultiTrust.Stages.Perturbation.Images;

/// <summary>
/// JPEG re-compression at a low quality (libjpeg-turbo through SkiaSharp, 4:2:0 chroma). As the last step of a chain
/// its JPEG bytes are the stored output; elsewhere the decoded pixels go on to the next step.
/// </summary>
internal sealed class JpegRecompression : ImagePerturbationBase
{
    public const string PerturbationName = "jpeg";

    public JpegRecompression()
        : base(PerturbationName, needsLossless: false, ("quality", [40, 25, 15, 10, 5]))
    {
    }

    public int Quality(int severity) => (int)Table.Value("quality", severity);

    protected override RgbaImage ApplyCore(RgbaImage image, int severity, ulong seed) =>
        RgbaImage.Decode(ImageEncoder.EncodeJpeg(image, Quality(severity)));
}
