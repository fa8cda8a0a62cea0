using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;

namespace MultiTrust.Stages.Judging.Protocol;

/// <summary>
/// Rule judges <c>contain-protocol</c> and <c>contain-protocol-fuzzy</c>: the reference's <c>rule_contain_eval</c>
/// (<see cref="ReferenceSource.RuleEval"/>). Label <c>contains</c> (score 1) when the response contains any accepted
/// string, <c>absent</c> (score 0) otherwise; <see cref="JudgmentStatus.Ok"/> either way. Thread-safe; never throws.
/// </summary>
/// <remarks>
/// <para>Accepted strings: the JSON array in <c>Metadata["accept"]</c> when present, else <c>Target.Expected</c> as ONE
/// string. Fix of a reference defect: the reference iterates a plain-string label character by character (a
/// <c>str</c> is a <c>Sequence</c>), so almost any response "contains" it; here a string is always compared whole.</para>
/// <para>Exact mode: a case-sensitive substring (the reference does not lower-case). Fuzzy mode (P.5's
/// <c>fuzzy_match: True</c>): both sides lose every character of <see cref="FuzzyRemoved"/> and are lower-cased, then
/// compared as substrings.</para>
/// <para>Accepted strings that are empty after the mode's normalisation are ignored (in the reference an empty string
/// is contained in every response); a sample with none, or with a malformed <c>accept</c>, gets
/// <see cref="JudgmentStatus.Skipped"/> with the reason (the reference crashes on a missing label).</para>
/// </remarks>
public sealed class ProtocolContainJudge : IJudge
{
    /// <summary>The id of the exact judge.</summary>
    public const string ExactId = "contain-protocol";

    /// <summary>The id of the fuzzy judge.</summary>
    public const string FuzzyId = "contain-protocol-fuzzy";

    /// <summary>Creates the judge; <paramref name="fuzzy"/> selects the reference's <c>fuzzy_match</c>.</summary>
    public ProtocolContainJudge(bool fuzzy = false) => Fuzzy = fuzzy;

    /// <summary>The characters <c>remove_special_tokens</c> deletes, verbatim and in order.</summary>
    public static IReadOnlyList<string> FuzzyRemoved { get; } = ["-", "/", "\\", ",", ".", " ", "&", "#", "(", ")", "+"];

    /// <summary>True for the fuzzy comparison.</summary>
    public bool Fuzzy { get; }

    /// <inheritdoc/>
    public string Id => Fuzzy ? FuzzyId : ExactId;

    /// <inheritdoc/>
    public string Version => Fuzzy ? "protocol-contain-fuzzy/1" : "protocol-contain/1";

    /// <inheritdoc/>
    public ValueTask<JudgeVerdict> JudgeAsync(Sample sample, ModelResponse response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(response);
        if (sample.Metadata.TryGetValue(ContainsJudge.AcceptKey, out var json) && !string.IsNullOrWhiteSpace(json))
        {
            var accepted = JudgeMetadata.ReadStringArray(sample.Metadata, ContainsJudge.AcceptKey, out var error);
            return ValueTask.FromResult(error is null ? Judge(response.Text, accepted) : JudgeVerdict.Skipped(error));
        }

        return ValueTask.FromResult(sample.Target.Expected is { } expected
            ? Judge(response.Text, [expected])
            : JudgeVerdict.Skipped($"sample has no accepted strings (metadata '{ContainsJudge.AcceptKey}' or an expected answer)"));
    }

    /// <summary>The verdict for a response text against the accepted strings (each compared whole).</summary>
    public JudgeVerdict Judge(string? text, IReadOnlyList<string> accepted)
    {
        ArgumentNullException.ThrowIfNull(accepted);
        var haystack = Normalize(text ?? string.Empty);
        var usable = 0;
        for (var i = 0; i < accepted.Count; i++)
        {
            var needle = Normalize(accepted[i] ?? string.Empty);
            if (needle.Length == 0)
            {
                continue;
            }

            usable++;
            if (ReferenceText.In(needle, haystack))
            {
                return new JudgeVerdict("contains", 1, JudgmentStatus.Ok, $"accepted string #{i} found");
            }
        }

        return usable == 0
            ? JudgeVerdict.Skipped("sample has no non-empty accepted strings")
            : new JudgeVerdict("absent", 0, JudgmentStatus.Ok, $"none of {usable} accepted strings found");
    }

    private string Normalize(string value)
    {
        if (!Fuzzy)
        {
            return value;
        }

        foreach (var removed in FuzzyRemoved)
        {
            value = value.Replace(removed, string.Empty, StringComparison.Ordinal);
        }

        return ReferenceText.Lower(value);
    }
}
