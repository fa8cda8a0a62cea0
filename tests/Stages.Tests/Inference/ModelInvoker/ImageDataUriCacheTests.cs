using MultiTrust.Stages.Inference;

namespace MultiTrust.Stages.Tests.Inference.Invoking;

public sealed class ImageDataUriCacheTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(80_001)]
    public void Encode_AnyLength_EqualsPrefixPlusStandardBase64(int length)
    {
        var bytes = new byte[length];
        new Random(length).NextBytes(bytes);

        var uri = ImageDataUriCache.Encode(bytes, "image/jpeg");

        Assert.Equal("data:image/jpeg;base64," + Convert.ToBase64String(bytes), uri);
    }
}
