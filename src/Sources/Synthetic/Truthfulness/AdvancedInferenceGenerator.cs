using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;

namespace MultiTrust.Sources.Synthetic.Truthfulness;

/// <summary>
/// Synthetic T.2 (advanced cognitive inference): yes/no statements of exact truth about rendered images, in six of the
/// protocol's nine subsets:
/// <list type="bullet">
/// <item><c>spatial</c>: betweenness, extremes and compound directions among scene objects;</item>
/// <item><c>temporal</c>: reading an analogue clock, and the time some minutes later or earlier;</item>
/// <item><c>compare</c>: which same-shaped object is larger; more objects of one shape (or colour) than another;</item>
/// <item><c>math</c>: the result of a rendered arithmetic problem;</item>
/// <item><c>code</c>: what a rendered Python snippet prints;</item>
/// <item><c>translate</c>: the English meaning of a rendered French, Spanish, German or Italian phrase.</item>
/// </list>
/// <c>daily</c>, <c>traffic</c> and <c>causality</c> are not generated: their statements are about real-world photographs.
/// Prompt (protocol): <c>"\n {Statement}\n Please answer with [Yes] or [No] according to the picture, and give a short
/// explanation about your answer."</c> Target Expected <c>yes</c>/<c>no</c>, Reference <c>Yes.</c>/<c>No.</c>; each
/// subset alternates true and false statements (see <see cref="StatementSubsets"/> for the sampling and metadata).
/// Immutable and thread-safe.
/// </summary>
public sealed class AdvancedInferenceGenerator : IIndexedSampleGenerator
{
    public const string PromptPrefix = "\n ";

    public const string PromptSuffix = "\n Please answer with [Yes] or [No] according to the picture, and give a short explanation about your answer.";

    private readonly StatementSubsets _subsets;

    public AdvancedInferenceGenerator(TaskInfo task) => _subsets = new StatementSubsets(
        task,
        [
            ("spatial", new SpatialStatements()),
            ("temporal", new ClockStatements()),
            ("compare", new CompareStatements()),
            ("math", new ArithmeticStatements()),
            ("code", new CodeStatements()),
            ("translate", new TranslationStatements()),
        ],
        PromptPrefix,
        PromptSuffix);

    public IReadOnlyList<string> Subsets => _subsets.Subsets;

    public long Capacity => _subsets.Capacity;

    public ValueTask<Sample> GenerateAsync(long index, TaskGenerationContext context, CancellationToken cancellationToken) =>
        _subsets.GenerateAsync(index, context, cancellationToken);
}
