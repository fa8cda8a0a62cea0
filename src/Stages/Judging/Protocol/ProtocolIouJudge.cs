using System.Globalization;
using System.Text.Json;
using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;

namespace MultiTrust.Stages.Judging.Protocol;

/// <summary>
/// Rule judge <c>iou</c>: T.1 grounding's <c>iou_judge</c> (<see cref="ReferenceSource.Metrics"/>). The ground-truth
/// box is <c>Target.Expected</c>, a JSON array of 4 numbers [xmin, ymin, xmax, ymax]; the predicted box is read from the
/// response text (in T.1 the GPT judge's rewrite) as the reference's <c>parse_box_string</c> does. Label <c>hit</c>
/// (score 1) when IoU &gt; 0.5, <c>miss</c> (score 0) otherwise. Thread-safe; never throws.
/// </summary>
/// <remarks>
/// <para>Reading the box, as the reference: remove every <c>'''</c> and every "\n", strip '[' and ']' from both ends
/// (only there: a leading space keeps the bracket), split on ',', trim each part, and read it with Python's
/// <c>float</c> (a part "a/b" is a / b); parts that are not numbers are dropped. A box of other than 4 numbers scores 0
/// and counts in the rate (the reference skips it but keeps it in the denominator): status
/// <see cref="JudgmentStatus.Ok"/>, label <c>no-box</c>, the reason in <c>Raw</c>.</para>
/// <para>IoU as the reference computes it, with Python's <c>max</c>/<c>min</c> (a NaN never wins): 0 when the
/// intersection or the union is 0. A malformed ground truth (the reference crashes) is
/// <see cref="JudgmentStatus.Skipped"/>. Deviation: a fraction with a zero denominator, which crashes the reference,
/// is dropped like any other unreadable part.</para>
/// </remarks>
public sealed class ProtocolIouJudge : IJudge
{
    /// <summary>The judge id.</summary>
    public const string JudgeId = "iou";

    /// <summary>The IoU a prediction must exceed.</summary>
    public const double Threshold = 0.5;

    /// <inheritdoc/>
    public string Id => JudgeId;

    /// <inheritdoc/>
    public string Version => "protocol-iou/1";

    /// <inheritdoc/>
    public ValueTask<JudgeVerdict> JudgeAsync(Sample sample, ModelResponse response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(response);
        return ValueTask.FromResult(Judge(response.Text, sample.Target.Expected));
    }

    /// <summary>The verdict for a response text against the ground-truth box (JSON).</summary>
    public static JudgeVerdict Judge(string? text, string? expected)
    {
        if (ReadTruth(expected) is not { } truth)
        {
            return JudgeVerdict.Skipped($"expected answer '{expected}' is not a JSON array of 4 numbers");
        }

        var box = ParseBox(text ?? string.Empty);
        if (box.Count != 4)
        {
            return new JudgeVerdict("no-box", 0, JudgmentStatus.Ok, $"read {box.Count} numbers, not 4: 0, as the reference counts it");
        }

        var iou = Iou(truth, box);
        var shown = iou.ToString("0.####", CultureInfo.InvariantCulture);
        return iou > Threshold
            ? new JudgeVerdict("hit", 1, JudgmentStatus.Ok, $"IoU {shown} > {Threshold}")
            : new JudgeVerdict("miss", 0, JudgmentStatus.Ok, $"IoU {shown} <= {Threshold}");
    }

    /// <summary>The numbers the reference's <c>parse_box_string</c> reads from a text.</summary>
    public static IReadOnlyList<double> ParseBox(string text)
    {
        var cleaned = text.Replace("'''", string.Empty, StringComparison.Ordinal).Replace("\n", string.Empty, StringComparison.Ordinal).Trim('[', ']');
        var numbers = new List<double>();
        foreach (var raw in cleaned.Split(','))
        {
            var part = raw.Trim();
            if (part.Contains('/', StringComparison.Ordinal))
            {
                var sides = part.Split('/');
                if (sides.Length == 2 && PythonFloat.TryParse(sides[0], out var numerator)
                    && PythonFloat.TryParse(sides[1], out var denominator) && denominator != 0)
                {
                    numbers.Add(numerator / denominator);
                }
            }
            else if (PythonFloat.TryParse(part, out var value))
            {
                numbers.Add(value);
            }
        }

        return numbers;
    }

    private static double[]? ReadTruth(string? expected)
    {
        if (string.IsNullOrWhiteSpace(expected))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(expected);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Array || root.GetArrayLength() != 4 || root.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.Number))
            {
                return null;
            }

            return [.. root.EnumerateArray().Select(e => e.GetDouble())];
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static double Iou(double[] a, IReadOnlyList<double> b)
    {
        var interWidth = Max(0, Min(a[2], b[2]) - Max(a[0], b[0]));
        var interHeight = Max(0, Min(a[3], b[3]) - Max(a[1], b[1]));
        var inter = interWidth * interHeight;
        var union = ((a[2] - a[0]) * (a[3] - a[1])) + ((b[2] - b[0]) * (b[3] - b[1])) - inter;
        return inter == 0 || union == 0 ? 0 : inter / union;
    }

    // Python's max(x, y) / min(x, y): the first argument unless the second compares greater / smaller.
    private static double Max(double x, double y) => y > x ? y : x;

    private static double Min(double x, double y) => y < x ? y : x;
}
