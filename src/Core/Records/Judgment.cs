namespace MultiTrust.Core.Records;

/// <summary>
/// One judge's verdict on one (sample, variant, model) response, as stored in the judgments table. <see cref="Expected"/>
/// is the sample's expected answer (<c>SampleTarget.Expected</c>), carried so that metrics comparing a verdict with the
/// truth (precision, recall, Pearson) can be computed from judgments alone.
/// </summary>
public sealed record Judgment(
    string SampleId,
    string VariantId,
    string ModelId,
    string TaskId,
    string Subset,
    string JudgeId,
    string JudgeVersion,
    string? Label,
    double? Score,
    JudgmentStatus Status,
    string? Raw,
    string? Expected = null);
