using System.Collections.Immutable;
using MultiTrust.Core.Hashing;
using MultiTrust.Core.Imaging;
using MultiTrust.Core.Pipeline;
using MultiTrust.Core.Records;
using MultiTrust.Stages.Perturbation.Variants;
using MultiTrust.Stages.Tests.Inference.Invoking;

namespace MultiTrust.Stages.Tests.Perturbation.Variants;

public sealed class PerturbationVariantTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("mt-variant-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static byte[] Png(byte shade, int width = 16, int height = 12) =>
        PngEncoder.Encode(Enumerable.Repeat(shade, width * height * 3).ToArray(), width, height, 3);

    private static async Task<Sample> SampleWithImageAsync(FakeBlobStore store, string prompt = "Is there a cat?\n Please Directly answer [Yes] or [No]!")
    {
        var image = await store.PutAsync(Png(90), "image/png", 16, 12, CancellationToken.None);
        return new Sample("s1", "t1-basic", "Truthfulness", "T.I", "object", prompt, [image], new SampleTarget("yes", [], "Yes."),
            ImmutableDictionary<string, string>.Empty);
    }

    private static VariantChain Chain(string text)
    {
        Assert.Null(VariantChain.TryParse(text, new SourceLocation("p.yaml", 1, 1), PerturbationVariant.Names, out var chain));
        return chain!;
    }

    [Fact]
    public async Task Apply_ImageChain_SameSampleIdNewStoredImageDeterministic()
    {
        var store = new FakeBlobStore();
        var sample = await SampleWithImageAsync(store);
        var variant = new PerturbationVariant(Chain("gaussian-noise@3+jpeg@2"), 7, store, cache: null);

        var a = await variant.ApplyAsync(sample, CancellationToken.None);
        var b = await new PerturbationVariant(Chain("gaussian-noise@3+jpeg@2"), 7, store, cache: null).ApplyAsync(sample, CancellationToken.None);

        Assert.Equal("gaussian-noise@3+jpeg@2", variant.Variant.Id);
        Assert.Contains("\"encoding\":\"png\"", variant.Variant.ParametersJson, StringComparison.Ordinal);
        Assert.Equal(sample.Id, a.Id);
        Assert.NotEqual(sample.Images[0].Sha256, a.Images[0].Sha256);
        Assert.Equal("image/jpeg", a.Images[0].MediaType);
        Assert.Equal(a.Images[0].Sha256, b.Images[0].Sha256);
        Assert.Equal(sample.Prompt, a.Prompt);
    }

    [Fact]
    public async Task Apply_UnrelatedAndTextOnly_ReplaceOrDropImages()
    {
        var store = new FakeBlobStore();
        var sample = await SampleWithImageAsync(store);

        var unrelated = await new PerturbationVariant(Chain("unrelated-noise"), 7, store, null).ApplyAsync(sample, CancellationToken.None);
        var textOnly = await new PerturbationVariant(Chain("text-only"), 7, store, null).ApplyAsync(sample, CancellationToken.None);
        var textSample = sample with { Images = [] };
        var added = await new PerturbationVariant(Chain("unrelated-color"), 7, store, null).ApplyAsync(textSample, CancellationToken.None);

        Assert.Equal((16, 12), (unrelated.Images[0].Width, unrelated.Images[0].Height));
        Assert.NotEqual(sample.Images[0].Sha256, unrelated.Images[0].Sha256);
        Assert.Empty(textOnly.Images);
        Assert.Equal((PerturbationVariant.UnrelatedImageSize, PerturbationVariant.UnrelatedImageSize), (added.Images.Single().Width, added.Images.Single().Height));
    }

    [Fact]
    public async Task Apply_ImagesFromFolder_ReplacesBySameNameAndMissingFileNamesFolder()
    {
        var store = new FakeBlobStore();
        var sample = await SampleWithImageAsync(store);
        var replacement = Png(200);
        await File.WriteAllBytesAsync(Path.Combine(_folder, Path.GetFileName(sample.Images[0].Path)), replacement);
        var chain = new VariantChain([new VariantStep("images-from", null)], new SourceLocation("p.yaml", 1, 1)) { Id = "adv-untarget", ImagesFrom = _folder };
        var variant = new PerturbationVariant(chain, 7, store, null);

        var applied = await variant.ApplyAsync(sample, CancellationToken.None);

        Assert.Equal("adv-untarget", variant.Variant.Id);
        Assert.Equal(ContentHasher.Sha256Hex(replacement), applied.Images[0].Sha256);
        Assert.Equal("image/png", applied.Images[0].MediaType);
        var other = sample with { Images = [sample.Images[0] with { Path = "elsewhere/missing.png" }] };
        var error = await Assert.ThrowsAsync<FileNotFoundException>(() => variant.ApplyAsync(other, CancellationToken.None).AsTask());
        Assert.Contains("missing.png", error.Message, StringComparison.Ordinal);
        Assert.Contains(_folder, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Apply_TextPerturbation_KeepsTheAnswerInstructionLine()
    {
        var store = new FakeBlobStore();
        var sample = await SampleWithImageAsync(store, "Is there a small orange cat sitting beside the wooden kitchen table?\n Please Directly answer [Yes] or [No]!");

        var applied = await new PerturbationVariant(Chain("typos@5"), 7, store, null).ApplyAsync(sample, CancellationToken.None);

        Assert.NotEqual(sample.Prompt, applied.Prompt);
        Assert.EndsWith("\n Please Directly answer [Yes] or [No]!", applied.Prompt, StringComparison.Ordinal);
        Assert.Equal(sample.Images, applied.Images);
    }
}
