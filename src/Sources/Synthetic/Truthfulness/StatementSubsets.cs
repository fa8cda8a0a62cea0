using System.Collections.Immutable;
using System.Globalization;
using MultiTrust.Core.Contracts;
using MultiTrust.Core.Randomness;
using MultiTrust.Core.Records;
using MultiTrust.Sources.Synthetic.Cases;

namespace MultiTrust.Sources.Synthetic.Truthfulness;

/// <summary>
/// The indexed sampling shared by the yes/no generators: sample <c>i</c> is in subset <c>i mod S</c>; its
/// <c>k = i div S</c> within the subset gives the truth (even k true, odd k false, so every subset is balanced) and the
/// case, number <c>k div 2</c> of a seeded <see cref="SeededPermutation"/> of the subset's case space, one order for
/// true and one for false statements (so each case is stated at most once truly and once falsely, and no sample repeats
/// below <see cref="Capacity"/>). Target: Expected
/// <c>yes</c>/<c>no</c>, Reference <c>Yes.</c>/<c>No.</c>. Metadata: <c>statement</c>, <c>kind</c> (the case part),
/// <c>truth</c>, <c>case</c> and the family's facts. Immutable and thread-safe.
/// </summary>
internal sealed class StatementSubsets
{
    private readonly TaskInfo _task;
    private readonly IReadOnlyList<(string Subset, IStatementFamily Family)> _families;
    private readonly string _prefix;
    private readonly string _suffix;

    public StatementSubsets(TaskInfo task, IReadOnlyList<(string Subset, IStatementFamily Family)> families, string prefix, string suffix)
    {
        _task = task ?? throw new ArgumentNullException(nameof(task));
        _families = families;
        _prefix = prefix;
        _suffix = suffix;
        Subsets = [.. families.Select(f => f.Subset)];
        Capacity = families.Count * families.Min(f => 2 * f.Family.Space.Size);
    }

    public IReadOnlyList<string> Subsets { get; }

    /// <summary>Subsets × twice the smallest case space: every subset has a fresh (case, truth) for each of its samples.</summary>
    public long Capacity { get; }

    public async ValueTask<Sample> GenerateAsync(long index, TaskGenerationContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (index < 0 || index >= Capacity)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"{_task.Id}: sample index must be in 0..{Capacity - 1}.");
        }

        var (subset, family) = _families[(int)(index % _families.Count)];
        var k = index / _families.Count;
        var truth = k % 2 == 0;
        var stream = $"{_task.Id}/{subset}";
        var space = family.Space;
        var order = new SeededPermutation(space.Size, context.Seed, $"{stream}/{AnswerOf(truth)}");
        var (part, caseIndex) = space.Resolve(order[k / 2], context.Seed, stream);
        var digits = new CaseDigits(caseIndex);
        var composed = family.Compose(part, digits, truth, SeededRandom.ForStream(context.Seed, stream, k));
        digits.RequireExhausted();

        var image = await composed.Image.StoreAsync(context.Images, cancellationToken).ConfigureAwait(false);
        var answer = AnswerOf(truth);
        var metadata = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        metadata.AddRange(composed.Facts);
        metadata["statement"] = composed.Statement;
        metadata["kind"] = space.Parts[part].Name;
        metadata["truth"] = answer;
        metadata["case"] = caseIndex.ToString(CultureInfo.InvariantCulture);
        var target = new SampleTarget(answer, [], truth ? "Yes." : "No.");
        return Sample.Create(_task, subset, _prefix + composed.Statement + _suffix, [image], target, metadata.ToImmutable());
    }

    private static string AnswerOf(bool truth) => truth ? "yes" : "no";
}
