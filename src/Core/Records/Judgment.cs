namespace MultiTrust.Core.Records;

/// <summary>One judge's verdict on one (sample, variant, model) response, as stored in the judgments table.</summary>
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
    string? Raw);
