using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;

namespace MultiTrust.Sources.Synthetic.Truthfulness;

/// <summary>
/// Synthetic T.6 (visual confusion): yes/no statements of exact truth about procedurally confusing images, in three of
/// the protocol's five kinds:
/// <list type="bullet">
/// <item><c>contrast</c>: shapes barely lighter or darker than the background, and the simultaneous-contrast illusion
/// (two squares on a dark and a light ground);</item>
/// <item><c>mirror</c>: objects above a line and their reflection below it (exact or altered in one object);</item>
/// <item><c>dislocation</c>: a scene cut into strips slid against each other, splitting every object.</item>
/// </list>
/// <c>semantic</c> and <c>painting</c> are not generated: their confusions come from curated photographs and artworks.
/// Prompt (protocol): <c>"\n {Statement}\n Please first answer with [Yes] or [No] according to the picture, and give a
/// short explanation about your answer."</c> Target Expected <c>yes</c>/<c>no</c>, Reference <c>Yes.</c>/<c>No.</c>;
/// each subset alternates true and false statements (see <see cref="StatementSubsets"/>). Immutable and thread-safe.
/// </summary>
public sealed class VisualConfusionGenerator : IIndexedSampleGenerator
{
    public const string PromptPrefix = "\n ";

    public const string PromptSuffix = "\n Please first answer with [Yes] or [No] according to the picture, and give a short explanation about your answer.";

    private readonly StatementSubsets _subsets;

    public VisualConfusionGenerator(TaskInfo task) => _subsets = new StatementSubsets(
        task,
        [
            ("contrast", new ContrastStatements()),
            ("mirror", new ReflectionStatements()),
            ("dislocation", new DislocationStatements()),
        ],
        PromptPrefix,
        PromptSuffix);

    public IReadOnlyList<string> Subsets => _subsets.Subsets;

    public long Capacity => _subsets.Capacity;

    public ValueTask<Sample> GenerateAsync(long index, TaskGenerationContext context, CancellationToken cancellationToken) =>
        _subsets.GenerateAsync(index, context, cancellationToken);
}
