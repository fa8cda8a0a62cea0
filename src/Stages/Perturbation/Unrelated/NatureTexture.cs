using MultiTrust.Core.Randomness;
using MultiTrust.Stages.Perturbation.Text;

namespace MultiTrust.Stages.Perturbation.Unrelated;

/// <summary>
/// A procedural landscape: a sky gradient with fractal clouds, a ridge of hazy mountains, and foliage/earth ground
/// textured with fractal value noise, lighter and hazier towards an uneven horizon. The horizon height, ridge and hill
/// heights, cloud cover and foliage tint are drawn from the seed. A stand-in for the real nature photos of the
/// MultiTrust data release, not a photograph.
/// </summary>
internal static class NatureTexture
{
    private static readonly Rgb s_skyTop = new(62, 116, 190);
    private static readonly Rgb s_skyHorizon = new(182, 212, 238);
    private static readonly Rgb s_mountainDark = new(78, 92, 120);
    private static readonly Rgb s_mountainLight = new(132, 146, 170);
    private static readonly Rgb s_cloud = new(250, 250, 252);
    private static readonly Rgb s_earth = new(118, 88, 52);

    public static byte[] Render(int width, int height, SeededRandom random)
    {
        var noise = new ValueNoise(random.NextUInt64());
        var horizon = 0.40 + (0.15 * random.NextDouble());
        var ridgeHeight = 0.08 + (0.12 * random.NextDouble());
        var hillHeight = 0.03 + (0.06 * random.NextDouble());
        var cloudThreshold = 0.50 + (0.12 * random.NextDouble());
        var autumn = 0.6 * random.NextDouble();
        Rgb[] foliage =
        [
            Mix(new(28, 70, 30), new(90, 60, 20), autumn),
            Mix(new(58, 116, 42), new(170, 110, 30), autumn),
            Mix(new(112, 128, 56), new(190, 150, 60), autumn),
            s_earth,
        ];

        var rgb = new byte[width * height * 3];
        for (var x = 0; x < width; x++)
        {
            // Features scale with the height, so the picture looks alike at every size.
            var u = x / (double)height;
            var ridge = horizon - (ridgeHeight * noise.Fractal(u * 3, 7.5, 4));
            var hills = horizon + (hillHeight * (noise.Fractal(u * 5, 19.5, 3) - 0.5));
            for (var y = 0; y < height; y++)
            {
                var v = y / (double)height;
                Rgb colour;
                if (v < ridge)
                {
                    colour = Mix(s_skyTop, s_skyHorizon, v / ridge);
                    var cloud = noise.Fractal(u * 4, (v * 8) + 31.5, 5);
                    colour = Mix(colour, s_cloud, Math.Clamp((cloud - cloudThreshold) * 4, 0, 0.9));
                }
                else if (v < hills)
                {
                    var rock = noise.Fractal(u * 12, (v * 12) + 55.5, 4);
                    colour = Mix(Mix(s_mountainDark, s_mountainLight, rock), s_skyHorizon, 0.35);
                }
                else
                {
                    var depth = (v - hills) / (1 - hills);
                    var ground = noise.Fractal(u * 10, (v * 18) + 91.5, 5);
                    colour = Mix(Palette(foliage, ground), s_skyHorizon, 0.35 * Math.Pow(1 - depth, 3));
                }

                var offset = ((y * width) + x) * 3;
                rgb[offset] = ToByte(colour.R);
                rgb[offset + 1] = ToByte(colour.G);
                rgb[offset + 2] = ToByte(colour.B);
            }
        }

        return rgb;
    }

    /// <summary>Piecewise-linear map of <paramref name="t"/> ∈ [0.3, 0.7] (where fractal noise mostly lies) onto the stops.</summary>
    private static Rgb Palette(Rgb[] stops, double t)
    {
        var position = Math.Clamp((t - 0.3) / 0.4, 0, 1) * (stops.Length - 1);
        var index = Math.Min((int)position, stops.Length - 2);
        return Mix(stops[index], stops[index + 1], position - index);
    }

    private static Rgb Mix(Rgb a, Rgb b, double t) =>
        new(ValueNoise.Lerp(a.R, b.R, t), ValueNoise.Lerp(a.G, b.G, t), ValueNoise.Lerp(a.B, b.B, t));

    private static byte ToByte(double value) => (byte)Math.Clamp(Math.Round(value), 0, 255);

    private readonly record struct Rgb(double R, double G, double B);
}
