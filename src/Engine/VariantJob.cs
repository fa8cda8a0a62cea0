using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;

namespace MultiTrust.Engine;

/// <summary>
/// One (sample, variant) before the variant is applied, with the models that still need it (the others were committed
/// by an earlier attempt) and the committed results of other models to judge again (<see cref="Rejudge"/>; their
/// model is not called). <see cref="Applier"/> is null for the clean variant.
/// </summary>
internal sealed record VariantJob(Sample Sample, Variant Variant, IVariantApplier? Applier, PlannedTask Task, IModelInvoker[] Models, bool WriteSampleRow)
{
    public IReadOnlyList<(IModelInvoker Model, CommittedResult Committed)> Rejudge { get; init; } = [];
}

/// <summary>
/// A variant job after the variant was applied: <see cref="Sample"/> is the perturbed sample, or <see cref="Error"/>
/// says why it could not be made. <see cref="Abandoned"/>: cancelled by an abort or a stop, neither sent nor recorded.
/// </summary>
internal sealed record PreparedJob(VariantJob Job, Sample Sample, string? Error, bool Abandoned = false);
