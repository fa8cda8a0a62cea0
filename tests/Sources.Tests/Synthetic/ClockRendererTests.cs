using MultiTrust.Core.Hashing;
using MultiTrust.Sources.Synthetic.Scenes;
using SkiaSharp;

namespace MultiTrust.Sources.Tests.Synthetic;

public sealed class ClockRendererTests
{
    // Byte-identical rendering of a fixed clock; a change here changes every clock image (T.2 temporal, T.7 clock).
    private const string GoldenClockSha256 = "14c467db925f39770e1e712987d533f79b4f65390b92131b11a0db3a26662637";

    [Fact]
    public void Render_FixedClock_MatchesGoldenHash()
    {
        var image = ClockRenderer.Render(new ClockFace(10, 8, 192, 180, 150, "cream", "blue", "white"));

        Assert.Equal(GoldenClockSha256, ContentHasher.Sha256Hex(image.Bytes));
    }

    [Theory]
    [InlineData(3, 0, 0, 90)]
    [InlineData(6, 30, 180, 195)]
    [InlineData(9, 45, 270, 292.5)]
    [InlineData(12, 15, 90, 7.5)]
    public void Render_HandsPointAtTheTime(int hour, int minute, double minuteDegrees, double hourDegrees)
    {
        var clock = new ClockFace(hour, minute, 192, 192, 150, "white", "red", "cream");
        using var bitmap = SKBitmap.Decode(ClockRenderer.Render(clock).Bytes);

        Assert.Equal(ScenePalette.ColourOf("red"), Along(bitmap, minuteDegrees, 110));
        Assert.Equal(ScenePalette.ColourOf("red"), Along(bitmap, hourDegrees, 55));
        Assert.Equal(ScenePalette.ColourOf("white"), Along(bitmap, minuteDegrees + 180, 100));
    }

    [Theory]
    [InlineData(3, 7, "3:07")]
    [InlineData(12, 0, "12:00")]
    public void Format_NoLeadingZeroOnTheHour(int hour, int minute, string expected)
    {
        Assert.Equal(expected, ClockTime.Format(hour, minute));
    }

    [Theory]
    [InlineData(11, 50, 15, "12:05")]
    [InlineData(12, 30, 45, "1:15")]
    [InlineData(1, 10, -20, "12:50")]
    [InlineData(3, 0, -240, "11:00")]
    [InlineData(9, 40, 195, "12:55")]
    public void Shift_WrapsAroundTheDial(int hour, int minute, int minutes, string expected)
    {
        Assert.Equal(expected, ClockTime.Shift(hour, minute, minutes));
    }

    private static SKColor Along(SKBitmap bitmap, double degrees, double distance)
    {
        var radians = degrees * Math.PI / 180;
        return bitmap.GetPixel((int)Math.Round(192 + (Math.Sin(radians) * distance)), (int)Math.Round(192 - (Math.Cos(radians) * distance)));
    }
}
