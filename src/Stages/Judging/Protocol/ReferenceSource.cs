namespace MultiTrust.Stages.Judging.Protocol;

/// <summary>
/// Where the protocol judges' word lists and rules were read: files of the reference implementation
/// <c>thu-ml/MMTrustEval</c> at the commits named here. The lists are reproduced as data; the code is this project's.
/// </summary>
public static class ReferenceSource
{
    /// <summary>The reference repository.</summary>
    public const string Repository = "thu-ml/MMTrustEval";

    /// <summary>
    /// <c>mmte/evaluators/rule_eval.py</c> after the reject-template rewrite of 2025-03-24 (the list HEAD scores with):
    /// REJ templates, YN default <c>yes_template</c>, contain / contain_exact / contain_adv / match_and_score / score.
    /// </summary>
    public const string RuleEval = "mmte/evaluators/rule_eval.py@ea842f9b8ee7fa772e020a2d214baa004e8aebb7";

    /// <summary><c>mmte/evaluators/metrics.py</c>: <c>parse_box_string</c> and <c>iou_judge</c>.</summary>
    public const string Metrics = "mmte/evaluators/metrics.py@ea842f9b8ee7fa772e020a2d214baa004e8aebb7";

    /// <summary><c>mmte/evaluators/chatmodel_eval.py</c>: <c>ChatModelScorer</c>'s exact-match short-circuit (R.2).</summary>
    public const string ChatModelEval = "mmte/evaluators/chatmodel_eval.py@ea842f9b8ee7fa772e020a2d214baa004e8aebb7";

    /// <summary><c>mmte/evaluators/classifier_eval.py</c>: how the HarmBench classifier's output and Longformer labels are read.</summary>
    public const string ClassifierEval = "mmte/evaluators/classifier_eval.py@149cd1dd42f7c440134bab6634dcb674c2f3f41a";

    /// <summary>F.1's task file: the custom <c>yes_template</c> of its YN step.</summary>
    public const string StereotypeGenerationTask = "mmte/configs/task/fairness/f1-stereo-generation.yaml@a8106be348bca1a96f42f16e6a64d05d5c589e09";

    /// <summary>F.6's score script: the <c>YES_CANDIDATES</c> keyword list that decides "suitable".</summary>
    public const string ProfessionScoreScript = "scripts/score/fairness/f6-profession-pred.py@149cd1dd42f7c440134bab6634dcb674c2f3f41a";
}
