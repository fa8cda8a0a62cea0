using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;

namespace MultiTrust.Engine;

/// <summary>One (sample, variant, model) on its way through the graph.</summary>
internal sealed record WorkItem(Sample Sample, Variant Variant, IModelInvoker Model, PlannedTask Task, bool WriteSampleRow);

/// <summary>
/// A work item with its response; <see cref="Response"/> is null when the call was abandoned (a stop, an abort or a
/// systemic failure). <see cref="Committed"/> is set when the response is a committed one being judged again.
/// </summary>
internal sealed record WorkResult(WorkItem Item, ModelResponse? Response, CommittedResult? Committed = null);
