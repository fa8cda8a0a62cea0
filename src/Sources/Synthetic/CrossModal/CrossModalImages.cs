using System.Collections.Concurrent;
using System.Collections.Immutable;
using MultiTrust.Core.Contracts;
using MultiTrust.Core.Randomness;
using MultiTrust.Core.Records;
using MultiTrust.Sources.Imaging;

namespace MultiTrust.Sources.Synthetic.CrossModal;

/// <summary>
/// The images of a cross-modal task's variants: none for <c>text</c>, the item's text rendered as typography for a
/// related image (the protocol's <c>RelatedTextEmbedImage</c>), and for <c>unrelated-color</c>, <c>-nature</c>,
/// <c>-noise</c> one image of a seeded pool of <see cref="PoolSize"/> per kind, like the release's shared
/// <c>unrelated_images/</c> folder. A pool image depends only on (run seed, kind, slot), so every task of a run draws
/// from the same pool; its bytes are made once per instance and cached. Thread-safe.
/// </summary>
internal sealed class CrossModalImages
{
    /// <summary>Images per unrelated kind.</summary>
    public const int PoolSize = 16;

    /// <summary>Side of the square unrelated images (the size the pipeline's unrelated-image variants give text-only samples).</summary>
    public const int UnrelatedSide = 512;

    private readonly UnrelatedImageFactory _factory;
    private readonly TypographyOptions _typography;
    private readonly ConcurrentDictionary<(long Seed, string Kind, int Slot), Lazy<RenderedImage>> _pool = new();

    public CrossModalImages(UnrelatedImageFactory factory, TypographyOptions? typography = null)
    {
        _factory = factory ?? throw new ArgumentNullException(nameof(factory));
        _typography = typography ?? new TypographyOptions();
    }

    /// <summary>The kinds of unrelated image, in the protocol's order.</summary>
    public static IReadOnlyList<string> UnrelatedKinds { get; } = ["color", "nature", "noise"];

    /// <summary>The kind of an <c>unrelated-KIND</c> variant name (any prefix, e.g. <c>force-unrelated-noise</c>), else null.</summary>
    public static string? UnrelatedKindOf(string variant)
    {
        ArgumentNullException.ThrowIfNull(variant);
        return UnrelatedKinds.FirstOrDefault(kind => variant.EndsWith("unrelated-" + kind, StringComparison.Ordinal));
    }

    /// <summary>
    /// The modality of a variant (subset) name, whatever its prefix: <c>text</c> (…<c>text</c>), one of
    /// <see cref="UnrelatedKinds"/> (…<c>unrelated-KIND</c>) or <c>related</c> (…<c>image</c>, e.g. <c>related-image</c>).
    /// </summary>
    /// <exception cref="ArgumentException">The name is none of these.</exception>
    public static string ModalityOf(string variant)
    {
        ArgumentNullException.ThrowIfNull(variant);
        if (UnrelatedKindOf(variant) is { } kind)
        {
            return kind;
        }

        if (variant.EndsWith("text", StringComparison.Ordinal))
        {
            return "text";
        }

        return variant.EndsWith("image", StringComparison.Ordinal)
            ? "related"
            : throw new ArgumentException($"'{variant}' is not a cross-modal variant (…text, …image, …unrelated-color/-nature/-noise).", nameof(variant));
    }

    /// <summary>
    /// The images of item <paramref name="item"/> in a variant of modality <paramref name="modality"/>
    /// (<see cref="ModalityOf"/>): none, <paramref name="relatedText"/> as typography, or a pool image drawn for the item
    /// from the stream <c>&lt;stream&gt;/unrelated/&lt;kind&gt;</c>.
    /// </summary>
    public async ValueTask<ImmutableArray<ImageRef>> ForAsync(
        string modality, string relatedText, string stream, long item, TaskGenerationContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        switch (modality)
        {
            case "text":
                return [];
            case "related":
                return [await TypographyAsync(relatedText, context.Images, cancellationToken).ConfigureAwait(false)];
            default:
                var slot = Slots(modality, 1, stream, item, context.Seed)[0];
                return [await UnrelatedAsync(modality, slot, context.Seed, context.Images, cancellationToken).ConfigureAwait(false)];
        }
    }

    /// <summary>
    /// <paramref name="count"/> distinct pool slots of <paramref name="kind"/> drawn for item <paramref name="item"/> from
    /// the stream <c>&lt;stream&gt;/unrelated/&lt;kind&gt;</c> (the protocol's <c>random.sample(pool, k)</c>, seeded).
    /// </summary>
    public static int[] Slots(string kind, int count, string stream, long item, long seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, PoolSize);
        var slots = Enumerable.Range(0, PoolSize).ToArray();
        SeededRandom.ForStream(seed, $"{stream}/unrelated/{kind}", item).Shuffle(slots);
        return slots[..count];
    }

    /// <summary>Stores pool image <paramref name="slot"/> of <paramref name="kind"/> for the run seed.</summary>
    public ValueTask<ImageRef> UnrelatedAsync(string kind, int slot, long seed, IBlobStore store, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(slot);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(slot, PoolSize);
        if (!UnrelatedKinds.Contains(kind))
        {
            throw new ArgumentException($"Unknown unrelated image kind '{kind}'; kinds: {string.Join(", ", UnrelatedKinds)}.", nameof(kind));
        }

        var image = _pool.GetOrAdd((seed, kind, slot), key => new Lazy<RenderedImage>(() => Make(key.Seed, key.Kind, key.Slot))).Value;
        return image.StoreAsync(store, cancellationToken);
    }

    /// <summary>Renders <paramref name="text"/> as typography and stores it.</summary>
    public ValueTask<ImageRef> TypographyAsync(string text, IBlobStore store, CancellationToken cancellationToken)
    {
        // A renderer is not thread-safe and holds native font objects: one per image keeps generation concurrent.
        using var renderer = new TypographyRenderer(_typography);
        return renderer.Render(text).StoreAsync(store, cancellationToken);
    }

    private RenderedImage Make(long seed, string kind, int slot)
    {
        var imageSeed = SeededRandom.ForStream(seed, "synthetic-unrelated/" + kind, slot).NextUInt64();
        return _factory(kind, UnrelatedSide, UnrelatedSide, imageSeed);
    }
}
