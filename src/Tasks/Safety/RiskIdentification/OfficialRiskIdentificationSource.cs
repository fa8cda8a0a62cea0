using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;
using MultiTrust.Sources.Official;

namespace MultiTrust.Tasks.Safety.RiskIdentification;

/// <summary>
/// S.2 from the release: the images of <c>safety/risk_identification/&lt;class&gt;/</c> for the five classes of
/// <see cref="RiskQuestions"/> (other folders are ignored, as in the reference), walked subset → class folder →
/// question → file, folders and files sorted by name. Subsets <c>object-detection</c> (questions 1–3) and
/// <c>risk-analysis</c> (questions 4–5). The prompt is the question; metadata <c>QUESTION</c>,
/// <c>EXPECTED_KEYWORDS</c> (for the GPT keyword judge) and <c>class</c>; <c>Target.Expected</c> = the keywords and the
/// oracle's reference is a sentence containing them.
/// </summary>
public sealed class OfficialRiskIdentificationSource : OfficialSource
{
    public const string Folder = "safety/risk_identification";

    private static readonly (string Subset, Range Questions)[] s_subsets = [("object-detection", 0..3), ("risk-analysis", 3..5)];

    public override IReadOnlyList<string> RequiredData => [Folder];

    /// <summary>The oracle's answer: it names the expected keywords verbatim.</summary>
    public static string ReferenceFor(string keywords) => $"The answer is: {keywords}.";

    protected override async IAsyncEnumerable<OfficialItem> ItemsAsync(
        string dataRoot, TaskGenerationContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var root = OfficialPaths.Combine(dataRoot, Folder);
        var classes = OfficialPaths.SortedFolders(root).Where(f => RiskQuestions.For(f) is not null).ToArray();
        foreach (var (subset, range) in s_subsets)
        {
            foreach (var className in classes)
            {
                var files = OfficialPaths.SortedFiles(Path.Combine(root, className));
                var (offset, length) = range.GetOffsetAndLength(5);
                foreach (var (question, keywords) in RiskQuestions.For(className)!.Skip(offset).Take(length))
                {
                    var metadata = ImmutableDictionary<string, string>.Empty
                        .Add("QUESTION", question)
                        .Add("EXPECTED_KEYWORDS", keywords)
                        .Add("class", className);
                    var target = new SampleTarget(keywords, [], ReferenceFor(keywords));
                    foreach (var file in files)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        yield return OfficialItem.WithImage(subset, question, $"{Folder}/{className}/{file}", target, metadata);
                    }
                }
            }
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }
}
