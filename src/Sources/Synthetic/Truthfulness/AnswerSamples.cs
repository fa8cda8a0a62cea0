using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;

namespace MultiTrust.Sources.Synthetic.Truthfulness;

/// <summary>
/// Builds the samples of an <see cref="AnswerCase"/>: Expected and Reference = the answer, other accepted forms in the
/// <c>accept</c> metadata field (a JSON array, as the <c>contains</c> judge reads it), the question in
/// <c>question</c>, the case part in <c>kind</c> and the case index in <c>case</c>.
/// </summary>
internal static class AnswerSamples
{
    public static async ValueTask<Sample> CreateAsync(
        TaskInfo task, string subset, string prompt, AnswerCase item, bool withImage, string kind, long caseIndex, TaskGenerationContext context, CancellationToken cancellationToken)
    {
        ImmutableArray<ImageRef> images = [];
        if (withImage)
        {
            images = [await item.Image().StoreAsync(context.Images, cancellationToken).ConfigureAwait(false)];
        }

        var metadata = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        metadata.AddRange(item.Facts);
        metadata["question"] = item.Question;
        metadata["kind"] = kind;
        metadata["case"] = caseIndex.ToString(CultureInfo.InvariantCulture);
        if (item.Accept.Count > 0)
        {
            metadata["accept"] = JsonSerializer.Serialize(item.Accept);
        }

        return Sample.Create(task, subset, prompt, images, new SampleTarget(item.Answer, [], item.Answer), metadata.ToImmutable());
    }
}
