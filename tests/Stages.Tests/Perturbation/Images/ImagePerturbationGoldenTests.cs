using MultiTrust.Core.Hashing;
using MultiTrust.Core.Imaging;
using MultiTrust.Stages.Perturbation.Images;

namespace MultiTrust.Stages.Tests.Perturbation.Images;

/// <summary>
/// SHA-256 of the output pixels at severities 1 and 5, seed 42, on <see cref="TestImages.Build"/>. A change here
/// means the perturbation's output changed: bump its Version and update the hash deliberately.
/// </summary>
public sealed class ImagePerturbationGoldenTests
{
    private const ulong Seed = 42;

    public static TheoryData<string, int, string> Goldens => new()
    {
        { "gaussian-noise", 1, "c08989097fcaf760033d32b6157be116ae6c94b3eb1cea2f5428b743aa4c826a" },
        { "gaussian-noise", 5, "f74cb632d07873ca0628951f7d70287b3635c7fd57779a6e471539885e1b68c9" },
        { "salt-and-pepper", 1, "7b5d78bfbe952902862d5e2e9bc6c37b55f2049d92c65f9b46f1689b9d404671" },
        { "salt-and-pepper", 5, "4d51946040516d380f0cab870c4037af52736341bbb6e1e32bc229113390eb61" },
        { "gaussian-blur", 1, "7dc219b081a8f27831d7263e038f79ff21ef949cbfb286c8f05e4254ccfab1ea" },
        { "gaussian-blur", 5, "4c671dd8ae8bf3bb9749107ed25fe8e0d04e600c8f3cdf0029bd325aca03e316" },
        { "motion-blur", 1, "7ee70fc7ff3a28a2b776473fa37e0cea53e66a88e1e281f7b5da9387fdcdb20f" },
        { "motion-blur", 5, "55ae83708645f5f5cf2fb803b5ff0ad66683b63f4f4c7165ef6dad7e0243166d" },
        { "jpeg", 1, "3baec1da1fe2088a5caa62e522c1e375eef1a0af2474c0be4c28511e0a1bae8e" },
        { "jpeg", 5, "d9f25df34e5b10871794b706748657551d2909fe2fc52afb9af54ecff4ce3164" },
        { "brightness", 1, "2c834a3a8ccbb2dfb84a2fa5851d7076f845f1a664e0fce07e297dc73f131dc4" },
        { "brightness", 5, "66e5ebf94a929bc576b0759b08d0f0275716fb0ef445d7ef0c232063b9292af7" },
        { "contrast", 1, "20f875b1e1679346579ffccc490016cedd91e3eaa0ec71fb2050a0b3890b7608" },
        { "contrast", 5, "444dfd58c329ea05b175b30b87fc5ab5d11a7e12326443f601c411f470081a61" },
        { "saturation", 1, "a297c58e4f618920c6ccb91d9f35404679a1ba0ea2932467b027f65db1049ad9" },
        { "saturation", 5, "b8bd9587cc73367ef8d0b1b394b7e25addab2f1094a68df3253407beaf61adfe" },
        { "downscale-upscale", 1, "315e23657ed67e4d7152577eee3baadc46a5c0283d3ac2fcdf3606a6536e3e4f" },
        { "downscale-upscale", 5, "ac876ee71fa219acbb13e396e27cae1f604d4251c8f1bd4d98012985c89a5fbf" },
        { "rotation", 1, "be8a68084038c3b3ec7e3320787707eb116339efe0da7114468de8013047e703" },
        { "rotation", 5, "90ff3567a966d465b8d6a0a5703a084140787b810639b6a63eadddd6c2433340" },
        { "occlusion", 1, "95ff9f8bb3d15048efe4deddb8475390b8f80dfb101b24d8c862bdd731f2abba" },
        { "occlusion", 5, "e2c6ca08ffe72c2058f0031fccfd6bc32a82296c9dc86cf58621ac287c9c6975" },
        { "grayscale", 1, "b531e12ce50eb4979b0eb6dc68aa92bc32f1c18969f3c9742b3b6e03d4d48222" },
        { "grayscale", 5, "52d46019ecf41eb6fd9ddc39dc9a80996f8741ef6f64daf93cb99f9896e3ab60" },
        { "pixelation", 1, "c9da7dd41242d7d99ba1d53107376b5ab5ce34b502c8127777dd98c4c8035379" },
        { "pixelation", 5, "3c67c831623785cdfd995b9adaf7be65eb755525e934989aa747f4188fddd16d" },
        { "random-sign-noise", 1, "20e0a089f532ee9f5192e100266d4cb5064dd6f441311d263f4f572db85fa302" },
        { "random-sign-noise", 5, "cdadf7c49b2e948605334cd1ab327ee43db72ae3363faa060d8517e7462c4811" },
    };

    [Theory]
    [MemberData(nameof(Goldens))]
    public void Apply_FixedInputAndSeed_MatchesGoldenHash(string name, int severity, string expected)
    {
        var output = TestImages.Get(name).Apply(TestImages.Build(), severity, Seed);

        Assert.Equal(expected, ContentHasher.Sha256Hex(output.Pixels));
    }

    [Fact]
    public void Perturber_NoiseThenBlurChain_MatchesGoldenPngHash()
    {
        var chain = new List<(IImagePerturbation, int)> { (TestImages.Get("gaussian-noise"), 3), (TestImages.Get("gaussian-blur"), 2) };

        var result = new ImagePerturber().Apply(TestImages.BuildPng(), chain, Seed);

        Assert.Equal("png", result.Encoding);
        Assert.Equal("ba1b0256250665a0cef8d15cee439f9d79bf3b3c55eaabea61c5da822b05c756", ContentHasher.Sha256Hex(result.Bytes));
    }

    // The chain's PNG moved to PngCompression.Fast (new golden above); its pixels are unchanged: re-encoded with
    // PngCompression.Default they give the pre-Fast golden bytes exactly.
    [Fact]
    public void Perturber_NoiseThenBlurChain_PixelsMatchThePreFastEncoding()
    {
        var chain = new List<(IImagePerturbation, int)> { (TestImages.Get("gaussian-noise"), 3), (TestImages.Get("gaussian-blur"), 2) };

        var pixels = RgbaImage.Decode(new ImagePerturber().Apply(TestImages.BuildPng(), chain, Seed).Bytes);

        Assert.Equal("e45a1dacfed6ab92573282a009fa46d79cc51854352cbb9eae51c7aefb15038c",
            ContentHasher.Sha256Hex(ImageEncoder.EncodePng(pixels, PngCompression.Default)));
    }
}
