using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using MultiTrust.Core.Imaging;
using MultiTrust.Core.Pipeline;
using MultiTrust.Core.Records;
using MultiTrust.Core.Storage;
using MultiTrust.Stages.Perturbation.Cache;
using MultiTrust.Stages.Perturbation.Images;
using MultiTrust.Stages.Perturbation.Text;
using MultiTrust.Stages.Perturbation.Unrelated;

namespace MultiTrust.Stages.Perturbation.Variants;

public sealed partial class PerturbationVariant
{
    /// <summary>Side of the image given to a text-only sample by an unrelated-image step.</summary>
    public const int UnrelatedImageSize = 512;

    /// <summary>Names without a severity: unrelated-image kinds and text-only.</summary>
    public static IReadOnlyList<string> FixedNames { get; } = ["unrelated-color", "unrelated-nature", "unrelated-noise", "text-only"];

    /// <summary>Every name a pipeline may use in <c>variants</c>, for validation.</summary>
    public static PerturbationNames Names { get; } = new(
        [.. ImagePerturbationCatalog.Names, .. TextPerturbationCatalog.Names], FixedNames);

    private enum StepKind
    {
        Image,
        Text,
        Unrelated,
        TextOnly,
        Folder,
    }

    private async ValueTask<ImmutableArray<ImageRef>> FolderImagesAsync(ImmutableArray<ImageRef> images, CancellationToken cancellationToken)
    {
        var result = ImmutableArray.CreateBuilder<ImageRef>(images.Length);
        foreach (var image in images)
        {
            var name = BlobLayout.FileNameOf(image);
            var bytes = await _folder!.ReadAsync(name, cancellationToken).ConfigureAwait(false);
            var decoded = RgbaImage.Decode(bytes); // a corrupt replacement is this sample's typed error, never sent
            result.Add(await _store.PutAsync(bytes, MediaTypeOf(bytes), decoded.Width, decoded.Height, cancellationToken).ConfigureAwait(false));
        }

        return result.MoveToImmutable();
    }

    private async ValueTask<ImmutableArray<ImageRef>> UnrelatedImagesAsync(
        Sample sample, ImmutableArray<ImageRef> images, Step step, int index, CancellationToken cancellationToken)
    {
        var sizes = images.IsDefaultOrEmpty
            ? [(UnrelatedImageSize, UnrelatedImageSize)]
            : images.Select(i => (i.Width, i.Height)).ToArray();
        var result = ImmutableArray.CreateBuilder<ImageRef>(sizes.Length);
        for (var k = 0; k < sizes.Length; k++)
        {
            var (width, height) = sizes[k];
            var seed = SampleSeed(sample.Id, index, k);
            var key = PerturbationCache.KeyOf(
                string.Create(CultureInfo.InvariantCulture, $"unrelated:{width}x{height}"), step.Descriptor, seed);
            if (_cache is not null && await _cache.TryGetAsync(key, cancellationToken).ConfigureAwait(false) is { } cached)
            {
                result.Add(cached);
                continue;
            }

            var image = UnrelatedImages.Create(step.UnrelatedKind!, width, height, seed);
            var stored = await _store.PutAsync(image.Png, "image/png", image.Width, image.Height, cancellationToken).ConfigureAwait(false);
            if (_cache is not null)
            {
                await _cache.PutAsync(key, stored, "png", cancellationToken).ConfigureAwait(false);
            }

            result.Add(stored);
        }

        return result.MoveToImmutable();
    }

    /// <summary>The media type from the file's signature (the bytes are sent as they are, so the label must match them).</summary>
    private static string MediaTypeOf(ReadOnlySpan<byte> bytes) => bytes switch
    {
        [0x89, (byte)'P', (byte)'N', (byte)'G', ..] => "image/png",
        [0xFF, 0xD8, ..] => "image/jpeg",
        [(byte)'R', (byte)'I', (byte)'F', (byte)'F', _, _, _, _, (byte)'W', (byte)'E', (byte)'B', (byte)'P', ..] => "image/webp",
        [(byte)'G', (byte)'I', (byte)'F', ..] => "image/gif",
        [(byte)'B', (byte)'M', ..] => "image/bmp",
        _ => throw new InvalidDataException("The replacement image is in an unsupported format (not PNG, JPEG, WebP, GIF or BMP)."),
    };

    /// <summary>Canonical JSON of steps: name, severity, version and parameters, in order (the variant's parameters column).</summary>
    private static string DescribeChain(IEnumerable<Step> steps) => "[" + string.Join(",", steps.Select(s => s.Descriptor)) + "]";

    /// <summary>A resolved chain step.</summary>
    private sealed record Step(
        StepKind Kind, string Name, int? Severity, IImagePerturbation? Image, ITextPerturbation? Text, string? UnrelatedKind, string Descriptor)
    {
        public static Step FromFolder(string folder) =>
            new(StepKind.Folder, "images-from", null, null, null, null,
                "{\"name\":\"images-from\",\"version\":1,\"folder\":" + System.Text.Json.JsonSerializer.Serialize(folder) + "}");

        public static Step Resolve(VariantStep step)
        {
            if (ImagePerturbationCatalog.TryGet(step.Name, out var image))
            {
                var severity = Required(step);
                return new Step(StepKind.Image, step.Name, severity, image, null, null,
                    Describe(step.Name, severity, image.Version, image.Parameters(severity), image.NeedsLossless ? "png" : "jpeg"));
            }

            if (TextPerturbationCatalog.TryGet(step.Name, out var text))
            {
                var severity = Required(step);
                return new Step(StepKind.Text, step.Name, severity, null, text, null,
                    Describe(step.Name, severity, text.Version, text.Parameters(severity), null));
            }

            return step.Name switch
            {
                "unrelated-color" or "unrelated-nature" or "unrelated-noise" =>
                    new Step(StepKind.Unrelated, step.Name, null, null, null, step.Name["unrelated-".Length..], Describe(step.Name, null, UnrelatedImages.Version, null, "png")),
                "text-only" => new Step(StepKind.TextOnly, step.Name, null, null, null, null, Describe(step.Name, null, 1, null, null)),
                _ => throw new ArgumentException($"Unknown perturbation '{step.Name}'; known: {string.Join(", ", [.. Names.WithSeverity, .. Names.WithoutSeverity])}", nameof(step)),
            };
        }

        private static int Required(VariantStep step) =>
            step.Severity ?? throw new ArgumentException($"Perturbation '{step.Name}' needs a severity 1–5 (write {step.Name}@3).", nameof(step));

        private static string Describe(string name, int? severity, int version, IReadOnlyDictionary<string, double>? parameters, string? encoding)
        {
            var json = new StringBuilder();
            json.Append(CultureInfo.InvariantCulture, $"{{\"name\":\"{name}\",\"version\":{version}");
            if (severity is { } s)
            {
                json.Append(CultureInfo.InvariantCulture, $",\"severity\":{s}");
            }

            if (parameters is { Count: > 0 })
            {
                json.Append(",\"params\":{");
                json.AppendJoin(",", parameters.OrderBy(p => p.Key, StringComparer.Ordinal)
                    .Select(p => string.Create(CultureInfo.InvariantCulture, $"\"{p.Key}\":{p.Value:R}")));
                json.Append('}');
            }

            if (encoding is not null)
            {
                json.Append(CultureInfo.InvariantCulture, $",\"encoding\":\"{encoding}\"");
            }

            return json.Append('}').ToString();
        }
    }
}
