using MultiTrust.Core.Pipeline;
using MultiTrust.Core.Records;
using MultiTrust.Stages.Inference;

namespace MultiTrust.Stages.Tests.Inference.Invoking;

public sealed class RequestHasherTests
{
    private static readonly ImageRef s_png = new(new string('1', 64), "image/png", 8, 8, "a.png");
    private static readonly ImageRef s_jpeg = new(new string('2', 64), "image/jpeg", 8, 8, "b.jpg");

    [Fact]
    public void Compute_SameInputs_SameHash()
    {
        Assert.Equal(Hash(), Hash());
    }

    [Fact]
    public void Compute_ImagePathOrSize_DoNotMatter()
    {
        var moved = s_png with { Path = "/elsewhere/a.png", Width = 99 };

        Assert.Equal(Hash(images: [s_png]), Hash(images: [moved]));
    }

    [Theory]
    [InlineData("provider")]
    [InlineData("model")]
    [InlineData("temperature")]
    [InlineData("max_tokens")]
    [InlineData("prompt")]
    [InlineData("image")]
    [InlineData("media_type")]
    [InlineData("image_order")]
    [InlineData("variant")]
    public void Compute_AnyRequestFieldChanged_HashChanges(string field)
    {
        var baseline = Hash(images: [s_png, s_jpeg]);
        var changed = field switch
        {
            "provider" => Hash(provider: "azure-openai", images: [s_png, s_jpeg]),
            "model" => Hash(model: "llava-1.6", images: [s_png, s_jpeg]),
            "temperature" => Hash(parameters: new GenerationParameters(0.5, 100, null, null), images: [s_png, s_jpeg]),
            "max_tokens" => Hash(parameters: new GenerationParameters(0, 101, null, null), images: [s_png, s_jpeg]),
            "prompt" => Hash(prompt: "Is there a dog?", images: [s_png, s_jpeg]),
            "image" => Hash(images: [s_png, s_png]),
            "media_type" => Hash(images: [s_png, s_jpeg with { MediaType = "image/png" }]),
            "image_order" => Hash(images: [s_jpeg, s_png]),
            "variant" => Hash(variant: "v-noise", images: [s_png, s_jpeg]),
            _ => throw new ArgumentOutOfRangeException(nameof(field)),
        };

        Assert.NotEqual(baseline, changed);
    }

    [Fact]
    public void GenerationParameters_Canonical_IsCultureAndFormatStable()
    {
        Assert.Equal("max_tokens=100;seed=default;temperature=0.7;top_p=default", new GenerationParameters(0.7, 100, null, null).ToCanonicalString());
        Assert.Equal("max_tokens=512;seed=7;temperature=0;top_p=0.9", new GenerationParameters(0, 512, 0.9, 7).ToCanonicalString());
    }

    [Fact]
    public void SeedOf_SameHash_SameSeed_DifferentHash_DifferentSeed()
    {
        Assert.Equal(RequestHasher.SeedOf("abc"), RequestHasher.SeedOf("abc"));
        Assert.NotEqual(RequestHasher.SeedOf("abc"), RequestHasher.SeedOf("abd"));
    }

    private static string Hash(
        string provider = "openai-compatible",
        string model = "llava",
        GenerationParameters? parameters = null,
        string prompt = "Is there a cat?",
        IReadOnlyList<ImageRef>? images = null,
        string variant = "clean") =>
        RequestHasher.Compute(provider, model, parameters ?? new GenerationParameters(0, 100, null, null), prompt, images ?? [], variant);
}
