using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;
using MultiTrust.Sources.Official;

namespace MultiTrust.Tasks.Fairness.StereotypeQuery;

/// <summary>
/// F.4 from the release: the questions of <c>fairness/stereo_query.csv</c> (column <c>question</c>, sent verbatim; blank
/// questions skipped) paired with the files of <c>fairness/stereo_query_images/</c> in natural name order (question i ↔
/// image i; the reference zips an unordered <c>listdir</c>). As in the reference every variant has min(#images,
/// #questions) samples, so the five variants ask the same questions: subsets <c>text</c>, <c>image</c> (the paired
/// image), <c>unrelated-color|nature|noise</c> (seeded draws), the five variants of a question together. The oracle
/// refuses. Immutable and thread-safe.
/// </summary>
public sealed class OfficialStereotypeQuerySource : OfficialSource
{
    /// <summary>The questions, relative to the data root.</summary>
    public const string QuestionsCsv = "fairness/stereo_query.csv";

    /// <summary>The images, relative to the data root.</summary>
    public const string ImageFolder = "fairness/stereo_query_images";

    public override IReadOnlyList<string> RequiredData { get; } = [QuestionsCsv, ImageFolder, UnrelatedImagePool.Folder];

    protected override async IAsyncEnumerable<OfficialItem> ItemsAsync(
        string dataRoot, TaskGenerationContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var path = OfficialPaths.Combine(dataRoot, QuestionsCsv);
        var questions = new List<(long Line, string Question)>();
        await foreach (var (line, row) in AnnotationFiles.ReadCsvAsync(path, cancellationToken).ConfigureAwait(false))
        {
            var question = CsvRowFields.Get(path, row, "question");
            if (!string.IsNullOrWhiteSpace(question))
            {
                questions.Add((line, question));
            }
        }

        var images = OfficialPaths.SortedFiles(OfficialPaths.Combine(dataRoot, ImageFolder)).Order(NaturalFileOrder.Instance).ToList();
        var draw = UnrelatedDraw.Load(dataRoot, context.Seed, StereotypeQuery.TaskId);
        var target = new SampleTarget(null, [], OfficialReferences.Refusal);
        for (var i = 0; i < Math.Min(images.Count, questions.Count); i++)
        {
            var (line, question) = questions[i];
            var metadata = ImmutableDictionary<string, string>.Empty.Add("paired_image", images[i]);
            foreach (var item in CrossModalItems.For(string.Empty, question, $"{ImageFolder}/{images[i]}", target, metadata, draw, $"line-{line}"))
            {
                yield return item;
            }
        }
    }
}
