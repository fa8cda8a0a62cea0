using MultiTrust.Core.Contracts;

namespace MultiTrust.Tasks;

/// <summary>
/// The 32 MultiTrust tasks as data (protocol §1.1–1.2): id, protocol number, aspect, sub-aspect code, title, the
/// metrics the protocol reports, and what a faithful run needs. The single place this list lives.
/// </summary>
internal static class TaskTable
{
    public static IReadOnlyList<(TaskInfo Info, string Needs)> Rows { get; } =
    [
        Row("t1-basic", "T.1", "Truthfulness", "T.I", "Basic World Understanding", "real photos; GPT-4 judge for OCR and grounding", "accuracy"),
        Row("t2-advanced", "T.2", "Truthfulness", "T.I", "Advanced Cognitive Inference", "real photos", "accuracy"),
        Row("t3-instruction-enhancement", "T.3", "Truthfulness", "T.I", "VQA under Instruction Enhancement", "real photos; GPT-4 judge", "accuracy"),
        Row("t4-visual-assistance", "T.4", "Truthfulness", "T.I", "QA under Visual Assistance", "release images; GPT-4 judge", "accuracy"),
        Row("t5-text-misleading", "T.5", "Truthfulness", "T.M", "Text Misleading VQA", "real photos; GPT-4 judge", "accuracy"),
        Row("t6-visual-confusion", "T.6", "Truthfulness", "T.M", "Visual Confusion VQA", "curated photos", "accuracy"),
        Row("t7-visual-misleading", "T.7", "Truthfulness", "T.M", "Visual Misleading QA", "release images; GPT-4 judge", "accuracy"),
        Row("s1-nsfw-image-description", "S.1", "Safety", "S.T", "NSFW Image Description", "NSFW images; Perspective and OpenAI Moderation", "toxicity_perspective", "toxicity_moderation", "rta"),
        Row("s2-risk-identification", "S.2", "Safety", "S.T", "Risk Identification", "real photos; GPT-4 judge", "accuracy"),
        Row("s3-toxic-content-generation", "S.3", "Safety", "S.T", "Toxic Content Generation", "RealToxicityPrompts selection; Perspective and OpenAI Moderation", "toxicity_perspective", "toxicity_moderation", "rta"),
        Row("s4-typographic-jailbreaking", "S.4", "Safety", "S.J", "Plain Typographic Jailbreaking", "HarmBench classifier for ASR", "asr", "rta"),
        Row("s5-multimodal-jailbreaking", "S.5", "Safety", "S.J", "Optimized Multimodal Jailbreaking", "MM-SafetyBench and SafeBench data; HarmBench classifier", "asr", "rta"),
        Row("s6-crossmodal-jailbreaking", "S.6", "Safety", "S.J", "Cross-modal Influence on Jailbreaking", "jailbreak prompts and images; HarmBench classifier", "asr", "rta"),
        Row("r1-ood-artistic", "R.1", "Robustness", "R.O", "Image Captioning for Artistic Style Images", "COCO-O; GPT-4 judge", "accuracy"),
        Row("r2-ood-sensor", "R.2", "Robustness", "R.O", "VQA for Sensor Style Images", "BenchLMM; GPT-4 rater", "gpt_score"),
        Row("r3-ood-text", "R.3", "Robustness", "R.O", "Sentiment Analysis for OOD Texts", "DecodingTrust OOD set; SDXL images", "accuracy"),
        Row("r4-adversarial-untarget", "R.4", "Robustness", "R.A", "Image Captioning under Untargeted Attack", "adversarial images; GPT-4 judge", "accuracy"),
        Row("r5-adversarial-target", "R.5", "Robustness", "R.A", "Image Captioning under Targeted Attack", "adversarial images; GPT-4 judge", "asr"),
        Row("r6-adversarial-text", "R.6", "Robustness", "R.A", "Textual Adversarial Attack", "AdvGLUE and AdvGLUE++; SDXL images", "accuracy"),
        Row("f1-stereo-generation", "F.1", "Fairness", "F.S", "Stereotypical Content Generation", "photos of people; GPT-4 judge", "stereotype_rate"),
        Row("f2-stereo-agreement", "F.2", "Fairness", "F.S", "Agreement on Stereotypes", "stereotype statements and images", "agreement_rate"),
        Row("f3-stereo-classification", "F.3", "Fairness", "F.S", "Classification of Stereotypes", "stereotype sentences and images", "accuracy"),
        Row("f4-stereo-query", "F.4", "Fairness", "F.S", "Stereotype Query Test", "stereotype queries and images; Longformer classifier", "rta"),
        Row("f5-vision-preference", "F.5", "Fairness", "F.B", "Visual Preference Selection", "preference images; Longformer classifier", "rta"),
        Row("f6-profession-pred", "F.6", "Fairness", "F.B", "Profession Competence Prediction", "photos of people", "p_value"),
        Row("f7-subjective-preference", "F.7", "Fairness", "F.B", "Preference Selection in QA", "preference questions; Longformer classifier", "rta"),
        Row("p1-vispriv-recognition", "P.1", "Privacy", "P.A", "Visual Privacy Recognition", "VISPR and VizWiz-Priv photos", "accuracy", "precision", "recall", "f1"),
        Row("p2-vqa-recognition-vispr", "P.2", "Privacy", "P.A", "Privacy-Sensitive VQA Recognition", "VISPR photos and questions", "accuracy", "precision", "recall", "f1"),
        Row("p3-infoflow", "P.3", "Privacy", "P.A", "InfoFlow Expectation", "ConfAIde prompts and images", "pearson", "failure_rate"),
        Row("p4-pii-query", "P.4", "Privacy", "P.L", "PII Query with Visual Cues", "celebrity photos; Longformer classifier", "rta", "leak_rate"),
        Row("p5-visual-leakage", "P.5", "Privacy", "P.L", "Privacy Leakage in Vision", "VISPR photos; Longformer classifier", "rta", "accuracy"),
        Row("p6-pii-leakage-in-conversation", "P.6", "Privacy", "P.L", "PII Leakage in Conversations", "unrelated images; Longformer classifier", "rta", "accuracy"),
    ];

    public static TaskInfo Info(string id) =>
        Rows.First(r => r.Info.Id == id).Info;

    private static (TaskInfo, string) Row(string id, string protocolId, string aspect, string subAspect, string title, string needs, params string[] metrics) =>
        (new TaskInfo(id, protocolId, aspect, subAspect, title, metrics), needs);
}
