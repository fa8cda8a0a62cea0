namespace MultiTrust.Stages.Judging.Validation;

/// <summary>
/// How well a judge agrees with its gold set (see <see cref="GoldSetValidator"/>). With n records, gold labels g and
/// predicted labels p, and the positive class + (for example <c>refused</c>):
/// <list type="bullet">
/// <item><see cref="Accuracy"/> = #(g = p) / n. A verdict the judge could not decide (<c>ambiguous</c>) agrees only
/// with a gold label <c>ambiguous</c>: abstaining is never free.</item>
/// <item><see cref="Precision"/> = TP / (TP + FP), <see cref="Recall"/> = TP / (TP + FN), where TP = #(g = + and p = +),
/// FP = #(g ≠ + and p = +), FN = #(g = + and p ≠ +); each is 0 when its denominator is 0.</item>
/// <item><see cref="F1"/> = 2·P·R / (P + R), 0 when P + R = 0.</item>
/// <item>For a multi-class judge (no positive class, <see cref="PositiveLabel"/> null) precision, recall and F1 are NaN.</item>
/// <item><see cref="Kappa"/> (Cohen's κ over all labels, including <c>ambiguous</c> / <c>unparseable</c>) =
/// (pₒ − pₑ) / (1 − pₑ), with pₒ = <see cref="Accuracy"/> and pₑ = Σₖ (#(g = k) / n)·(#(p = k) / n) over every label k
/// seen on either side; when pₑ = 1 (both sides use one and the same label throughout) κ is 1.</item>
/// <item><see cref="Ambiguous"/> = #(p = <c>ambiguous</c>); <see cref="Classes"/> = agreement per record class, in
/// order of first appearance.</item>
/// </list>
/// </summary>
public sealed record JudgeAgreement(
    string JudgeId,
    string JudgeVersion,
    string? PositiveLabel,
    int N,
    double Accuracy,
    double Precision,
    double Recall,
    double F1,
    double Kappa,
    IReadOnlyList<GoldDisagreement> Disagreements,
    IReadOnlyList<ClassAgreement> Classes,
    int Ambiguous);
