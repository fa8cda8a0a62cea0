namespace MultiTrust.Core.Records;

/// <summary>
/// One judge's verdict on one (sample, variant, model) response, as stored in the judgments table. <see cref="Expected"/>
/// is the sample's expected answer (<c>SampleTarget.Expected</c>), carried so that metrics comparing a verdict with the
/// truth (precision, recall, Pearson) can be computed from judgments alone.
/// </summary>
/// <remarks>
/// <see cref="Revision"/> is 0 for the first judgment of a (sample, variant, model, judge) and one more for each time the
/// response is judged again (a <c>judge_error</c> retried on resume, or <c>multitrust rejudge</c>). Readers use the row
/// with the highest revision of each (sample, variant, model, judge): the latest judgment wins.
/// </remarks>
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
    string? Expected = null,
    int Revision = 0);
