using System.Text.Json;
using MultiTrust.Stages.Inference.Http;

namespace MultiTrust.Stages.Tests.Inference.Invoking;

public sealed class Base64JsonTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(80_001)]
    public void WriteDataUriValue_AnyLength_IsAJsonStringOfPrefixPlusStandardBase64(int length)
    {
        var bytes = new byte[length];
        new Random(length).NextBytes(bytes);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("url");
            Base64Json.WriteDataUriValue(writer, "image/jpeg", bytes);
            writer.WriteEndObject();
        }

        using var document = JsonDocument.Parse(stream.ToArray());

        Assert.Equal("data:image/jpeg;base64," + Convert.ToBase64String(bytes), document.RootElement.GetProperty("url").GetString());
        Assert.DoesNotContain(@"\u002B", System.Text.Encoding.UTF8.GetString(stream.ToArray()), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(80_001)]
    public void WriteBase64Value_AnyLength_IsAJsonStringOfStandardBase64(int length)
    {
        var bytes = new byte[length];
        new Random(length).NextBytes(bytes);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            Base64Json.WriteBase64Value(writer, bytes);
        }

        using var document = JsonDocument.Parse(stream.ToArray());

        Assert.Equal(Convert.ToBase64String(bytes), document.RootElement.GetString());
    }

    [Fact]
    public void WriteDataUriValue_MediaTypeNeedingEscapes_StillValidJson()
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            Base64Json.WriteDataUriValue(writer, "image/x\"odd", [1, 2, 3]);
        }

        using var document = JsonDocument.Parse(stream.ToArray());

        Assert.Equal("data:image/x\"odd;base64,AQID", document.RootElement.GetString());
    }
}
