using MultiTrust.Core.Imaging;
namespace MultiTrust.Stages.Perturbation.Images;

/// <summary>
/// A procedural test picture (colour gradients, a disc, a square, stripes and a checkerboard) built with integer
/// arithmetic, so it is identical everywhere: the source of the contact sheet and of the perturbation benchmark.
/// </summary>
public static class SampleScene
{
    public static RgbaImage Render(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 8);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 8);
        var pixels = new byte[width * height * 4];
        var (cx, cy, radius) = (width * 3 / 10, height * 2 / 5, Math.Min(width, height) / 5);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var r = 40 + (x * 180 / width);
                var g = 60 + (y * 160 / height);
                var b = 200 - (((x + y) * 150) / (width + height));
                var (dx, dy) = (x - cx, y - cy);
                if ((dx * dx) + (dy * dy) <= radius * radius)
                {
                    (r, g, b) = (230, 60, 40);
                }
                else if (x > width * 11 / 20 && x < width * 17 / 20 && y > height / 5 && y < height / 2)
                {
                    (r, g, b) = (30, 90, 200);
                }
                else if (y > height * 13 / 20 && y < height * 17 / 20 && x > width / 10 && x < width / 2)
                {
                    var stripe = (x * 16 / width) % 2 == 0;
                    (r, g, b) = stripe ? (250, 250, 250) : (20, 20, 20);
                }
                else if (y > height * 3 / 5 && x > width * 3 / 5 && x < width * 9 / 10 && y < height * 9 / 10)
                {
                    var check = ((x * 12 / width) + (y * 12 / height)) % 2 == 0;
                    (r, g, b) = check ? (240, 220, 60) : (40, 120, 50);
                }

                var p = ((y * width) + x) * 4;
                pixels[p] = (byte)r;
                pixels[p + 1] = (byte)g;
                pixels[p + 2] = (byte)b;
                pixels[p + 3] = 255;
            }
        }

        return new RgbaImage(width, height, pixels);
    }
}
