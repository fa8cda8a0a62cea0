namespace MultiTrust.Core.Statistics;

/// <summary>
/// Precision, recall and F1 of a binary classifier from its confusion counts (true positives, false positives, false
/// negatives). Each is null when its denominator is zero (where scikit-learn warns and reports 0): an undefined value is
/// never shown as a zero. Stateless and thread-safe.
/// </summary>
public static class BinaryClassification
{
    /// <summary>TP / (TP + FP): of the predicted positives, the fraction that are positive.</summary>
    public static double? Precision(double truePositives, double falsePositives) =>
        Ratio(truePositives, truePositives + falsePositives);

    /// <summary>TP / (TP + FN): of the actual positives, the fraction predicted positive.</summary>
    public static double? Recall(double truePositives, double falseNegatives) =>
        Ratio(truePositives, truePositives + falseNegatives);

    /// <summary>2·TP / (2·TP + FP + FN), the harmonic mean of precision and recall.</summary>
    public static double? F1(double truePositives, double falsePositives, double falseNegatives) =>
        Ratio(2 * truePositives, (2 * truePositives) + falsePositives + falseNegatives);

    private static double? Ratio(double numerator, double denominator)
    {
        if (numerator < 0 || denominator < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(numerator), "Confusion counts must be >= 0.");
        }

        return denominator > 0 ? numerator / denominator : null;
    }
}
