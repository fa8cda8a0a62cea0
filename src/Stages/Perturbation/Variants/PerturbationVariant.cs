using System.Collections.Immutable;
using System.Globalization;
using MultiTrust.Core.Contracts;
using MultiTrust.Core.Hashing;
using MultiTrust.Core.Pipeline;
using MultiTrust.Core.Records;
using MultiTrust.Stages.Perturbation.Cache;
using MultiTrust.Stages.Perturbation.Images;

namespace MultiTrust.Stages.Perturbation.Variants;

/// <summary>
/// Applies one declared variant chain (for example <c>gaussian-blur@2+jpeg@4</c>, <c>typos@3</c>,
/// <c>unrelated-noise</c>, <c>text-only</c>) to samples. Steps run in order, each on its modality:
/// <list type="bullet">
/// <item>image perturbations: consecutive image steps form one chain, decoded once and encoded once
/// (<see cref="ImagePerturber"/>); the result is stored in the content-addressed blob store and indexed in the
/// <see cref="PerturbationCache"/> by (input hash, chain with versions and parameters, seed), so a re-run computes
/// nothing twice;</item>
/// <item>text perturbations: applied to the first line of the prompt (the statement or question); later lines — the
/// task's answer instructions — and bracketed spans are kept as they are;</item>
/// <item><c>unrelated-color|nature|noise</c>: every image is replaced by a seeded unrelated image of the same size (a
/// text-only sample gets one 512×512 image), the protocol's cross-modal pairing;</item>
/// <item><c>text-only</c>: the images are dropped.</item>
/// <item><c>images_from</c> folder variants: each image is replaced by the file of the same name in a folder of images
/// made elsewhere (for example the official adversarial R.4/R.5 files), decoded to check it and stored as it is.</item>
/// </list>
/// Seeds derive from the run seed, the variant label, the sample id and the image index, so the same run perturbs the
/// same sample identically on every machine. Thread-safe.
/// </summary>
public sealed partial class PerturbationVariant : IVariantApplier
{
    private static readonly ImagePerturber s_perturber = new();

    private readonly IBlobStore _store;
    private readonly PerturbationCache? _cache;
    private readonly ulong _seed;
    private readonly ImmutableArray<Step> _steps;
    private readonly ImageFolderVariantSource? _folder;

    /// <exception cref="ArgumentException">A step names an unknown perturbation or lacks a required severity.</exception>
    public PerturbationVariant(VariantChain chain, long runSeed, IBlobStore store, PerturbationCache? cache)
    {
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
        _cache = cache;
        _steps = chain.ImagesFrom is null ? [.. chain.Steps.Select(Step.Resolve)] : [Step.FromFolder(chain.ImagesFrom)];
        _folder = chain.ImagesFrom is null ? null : new ImageFolderVariantSource(chain.ImagesFrom);
        _seed = SeedOf(runSeed, chain.Label);
        Variant = new Variant(chain.Label, string.Join("+", chain.Steps.Select(s => s.Name)), DescribeChain(_steps), unchecked((long)_seed));
    }

    public Variant Variant { get; }

    public async ValueTask<Sample> ApplyAsync(Sample sample, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var prompt = sample.Prompt;
        var images = sample.Images;
        var i = 0;
        while (i < _steps.Length)
        {
            var step = _steps[i];
            switch (step.Kind)
            {
                case StepKind.Image:
                    var end = i;
                    while (end < _steps.Length && _steps[end].Kind == StepKind.Image)
                    {
                        end++;
                    }

                    images = await PerturbImagesAsync(sample, images, _steps[i..end], i, cancellationToken).ConfigureAwait(false);
                    i = end;
                    continue;
                case StepKind.Text:
                    prompt = PerturbText(prompt, step, SampleSeed(sample.Id, i, 0));
                    break;
                case StepKind.Unrelated:
                    images = await UnrelatedImagesAsync(sample, images, step, i, cancellationToken).ConfigureAwait(false);
                    break;
                case StepKind.TextOnly:
                    images = [];
                    break;
                case StepKind.Folder:
                    images = await FolderImagesAsync(images, cancellationToken).ConfigureAwait(false);
                    break;
            }

            i++;
        }

        return sample with { Prompt = prompt, Images = images };
    }

    private static string PerturbText(string prompt, Step step, ulong seed)
    {
        var newline = prompt.IndexOf('\n', StringComparison.Ordinal);
        return step.Text!.Apply(prompt, step.Severity!.Value, seed, newline < 0 ? int.MaxValue : newline);
    }

    private async ValueTask<ImmutableArray<ImageRef>> PerturbImagesAsync(
        Sample sample, ImmutableArray<ImageRef> images, ImmutableArray<Step> steps, int firstStep, CancellationToken cancellationToken)
    {
        if (images.IsDefaultOrEmpty)
        {
            return images;
        }

        var descriptor = DescribeChain(steps);
        var chain = steps.Select(s => (s.Image!, s.Severity!.Value)).ToArray();
        var result = ImmutableArray.CreateBuilder<ImageRef>(images.Length);
        for (var k = 0; k < images.Length; k++)
        {
            var seed = SampleSeed(sample.Id, firstStep, k);
            var key = PerturbationCache.KeyOf(images[k].Sha256, descriptor, seed);
            if (_cache is not null && await _cache.TryGetAsync(key, cancellationToken).ConfigureAwait(false) is { } cached)
            {
                result.Add(cached);
                continue;
            }

            var bytes = await _store.ReadAsync(images[k], cancellationToken).ConfigureAwait(false);
            var perturbed = s_perturber.Apply(bytes, chain, seed);
            var stored = await _store.PutAsync(perturbed.Bytes, perturbed.MediaType, perturbed.Width, perturbed.Height, cancellationToken).ConfigureAwait(false);
            if (_cache is not null)
            {
                await _cache.PutAsync(key, stored, perturbed.Encoding, cancellationToken).ConfigureAwait(false);
            }

            result.Add(stored);
        }

        return result.MoveToImmutable();
    }

    private ulong SampleSeed(string sampleId, int step, int image) =>
        ulong.Parse(new ContentHasher().Add("variant-seed/v1").Add(_seed.ToString(CultureInfo.InvariantCulture))
            .Add(sampleId).Add(step).Add(image).ToHex()[..16], NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    private static ulong SeedOf(long runSeed, string label) =>
        ulong.Parse(new ContentHasher().Add("variant/v1").Add(runSeed.ToString(CultureInfo.InvariantCulture)).Add(label).ToHex()[..16],
            NumberStyles.HexNumber, CultureInfo.InvariantCulture);
}
