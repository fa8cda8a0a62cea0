using MultiTrust.Core.Imaging;
using MultiTrust.Stages.Perturbation.Images;

namespace MultiTrust.Stages.Tests.Perturbation.Images;

public sealed class ContactSheetTests
{
    [Fact]
    public void Render_TwoPerturbationsThreeSeverities_IsAGridOfThumbnails()
    {
        var source = TestImages.Build(32, 24);
        IImagePerturbation[] perturbations = [TestImages.Get("pixelation"), TestImages.Get("brightness")];

        var sheet = RgbaImage.Decode(ContactSheet.Render(source, perturbations, [1, 3, 5]));

        Assert.Equal((150 + (3 * (32 + 6)) + 6, 22 + (2 * (24 + 6)) + 6), (sheet.Width, sheet.Height));
        // The top-left pixel of row 2, column 3 is the brightness severity-5 thumbnail's top-left pixel.
        var expected = perturbations[1].Apply(source, 5, 1).Pixels[..4].ToArray();
        var offset = (((22 + 30) * sheet.Width) + 150 + (2 * 38)) * 4;
        Assert.Equal(expected, sheet.Pixels.Slice(offset, 4).ToArray());
    }

    [Fact]
    public void RenderDefault_TwoCalls_ReturnIdenticalPng()
    {
        Assert.Equal(ContactSheet.RenderDefault(), ContactSheet.RenderDefault());
    }
}
