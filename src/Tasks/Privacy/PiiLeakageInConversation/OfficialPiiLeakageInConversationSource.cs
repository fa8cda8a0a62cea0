using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using MultiTrust.Core.Contracts;
using MultiTrust.Core.Randomness;
using MultiTrust.Core.Records;
using MultiTrust.Sources.Imaging;
using MultiTrust.Sources.Official;
using MultiTrust.Sources.Synthetic.Privacy;

namespace MultiTrust.Tasks.Privacy.PiiLeakageInConversation;

/// <summary>
/// P.6 from the release (<c>EnronEmailDataset</c> <c>enron-email-*</c>): for each of the ten PII types and each of the
/// first <see cref="PerType"/> entries of <see cref="EnronFiveShot"/>, a context giving every person of the entry a
/// value of that type (<see cref="EnronPiiValues"/>, seeded by run seed, type and entry index, and shared by the seven
/// subsets so that they are paired), then the question about the first person. Subsets: <c>text</c>;
/// <c>image-oneinfo</c>, <c>image-typeinfo</c>, <c>image-allinfo</c> (typography of the type and the answer, the
/// type, or every "name: value" line in seeded order, rendered at load time with <see cref="TypographyRenderer"/> in
/// the shipped DejaVu Sans Mono Bold at the reference's geometry and stored in the run's blob store; the release's
/// FreeMonoBold is not needed); <c>unrelated-color|nature|noise</c> (seeded draws). Target: the distinct values of the
/// first person as Secrets and as the <c>accept</c> metadata (JSON array); the oracle refuses. Metadata:
/// <c>pii_type</c>, <c>name</c>, <c>entry</c>, <c>accept</c>. Thread-safe; each enumeration owns its renderer.
/// </summary>
public sealed class OfficialPiiLeakageInConversationSource : OfficialSource
{
    /// <summary>Entries used per PII type (<c>NUM_PER_TYPE</c>).</summary>
    public const int PerType = 10;

    /// <summary>The reference's <c>RelatedTextEmbedImage</c> geometry: 1024 px wide, 90 px text, no margin, centred.</summary>
    public static TypographyOptions Typography { get; } = new() { Width = 1024, FontSize = 90, Margin = 0 };

    /// <summary>The seven subsets, in the order each context yields them.</summary>
    public static IReadOnlyList<string> Subsets { get; } =
        ["text", "image-oneinfo", "image-typeinfo", "image-allinfo", "unrelated-color", "unrelated-nature", "unrelated-noise"];

    public override IReadOnlyList<string> RequiredData { get; } = [EnronFiveShot.File, UnrelatedImagePool.Folder];

    protected override async IAsyncEnumerable<OfficialItem> ItemsAsync(
        string dataRoot, TaskGenerationContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var entries = await EnronFiveShot.ReadAsync(OfficialPaths.Combine(dataRoot, EnronFiveShot.File), cancellationToken).ConfigureAwait(false);
        var pool = UnrelatedImagePool.Load(dataRoot);
        using var renderer = new TypographyRenderer(Typography);
        var typeImages = new Dictionary<string, ImageRef>(StringComparer.Ordinal);
        foreach (var piiType in PiiTypes.All)
        {
            for (var index = 0; index < Math.Min(PerType, entries.Count); index++)
            {
                var entry = entries[index];
                var key = $"{piiType}/{index.ToString(CultureInfo.InvariantCulture)}";
                var random = SeededRandom.ForStream(context.Seed, $"{PiiLeakageInConversation.TaskId}/official/{piiType}", index);
                var names = entry.People.Select(p => p.Name).ToList();
                var values = entry.People.Select(p => EnronPiiValues.Value(piiType, p.Email, random)).ToList();
                var conversation = new PiiConversation(piiType, names, values);
                var truth = values.Where((_, k) => names[k] == names[0]).Distinct(StringComparer.Ordinal).ToImmutableArray();
                var accept = JsonSerializer.Serialize(truth);
                var target = new SampleTarget(null, truth, OfficialReferences.Refusal);
                var metadata = ImmutableDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, string>
                {
                    ["pii_type"] = piiType,
                    ["name"] = names[0],
                    ["entry"] = entry.Key,
                    ["accept"] = accept,
                });
                var prompt = conversation.Prompt();
                yield return OfficialItem.Text("text", prompt, target, metadata);

                if (!typeImages.TryGetValue(piiType, out var typeImage))
                {
                    typeImage = await Store(renderer, piiType, context, cancellationToken).ConfigureAwait(false);
                    typeImages[piiType] = typeImage;
                }

                var oneInfo = await Store(renderer, $"{piiType}\n\n{string.Join('\n', truth)}", context, cancellationToken).ConfigureAwait(false);
                var allInfo = await Store(renderer, AllInfo(conversation, context.Seed, key), context, cancellationToken).ConfigureAwait(false);
                yield return Rendered("image-oneinfo", prompt, oneInfo, target, metadata);
                yield return Rendered("image-typeinfo", prompt, typeImage, target, metadata);
                yield return Rendered("image-allinfo", prompt, allInfo, target, metadata);
                foreach (var kind in UnrelatedImagePool.Kinds)
                {
                    var image = pool.Draw(context.Seed, PiiLeakageInConversation.TaskId, key, kind);
                    yield return OfficialItem.WithImage("unrelated-" + kind, prompt, image, target, metadata);
                }
            }
        }
    }

    // The reference's allinfo text: "name: content\n\n" per person, in shuffled order.
    private static string AllInfo(PiiConversation conversation, long seed, string key)
    {
        var order = Enumerable.Range(0, conversation.Names.Count).ToArray();
        SeededRandom.ForStream(seed, $"{PiiLeakageInConversation.TaskId}/official/allinfo-order/{key}", 0).Shuffle(order);
        return string.Concat(order.Select(k => $"{conversation.Names[k]}: {conversation.Values[k]}\n\n"));
    }

    private static async Task<ImageRef> Store(TypographyRenderer renderer, string text, TaskGenerationContext context, CancellationToken cancellationToken) =>
        await renderer.Render(text).StoreAsync(context.Images, cancellationToken).ConfigureAwait(false);

    private static OfficialItem Rendered(string subset, string prompt, ImageRef image, SampleTarget target, ImmutableDictionary<string, string> metadata) =>
        new(subset, prompt, [], target, metadata) { GeneratedImages = [image] };
}
