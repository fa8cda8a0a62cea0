using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;

namespace MultiTrust.Stages.Judging.Records;

/// <summary>
/// Judges a JSONL file of <see cref="JudgeRecord"/>s with one judge, streaming: one output line per valid input line.
/// Stateless and thread-safe.
/// </summary>
/// <remarks>
/// <para>Each output line is the input object with all its fields in their order, plus <c>label</c> (the judge's
/// label, or null), <c>status</c> (<see cref="JudgmentStatusNames.ToName"/>: <c>ok</c>, <c>ambiguous</c>,
/// <c>unparseable</c>, <c>judge_error</c>, <c>skipped</c>) and <c>judge_version</c>; existing fields of those names are
/// replaced. When the input already has a <c>label</c> (a gold file), that original value is kept as <c>gold_label</c>,
/// unless the input already has a <c>gold_label</c> (an earlier output judged again), which is then left as it is.</para>
/// <para>A malformed line is written to the error writer as <c>&lt;inputName&gt;:&lt;line&gt;: &lt;what is wrong&gt;</c>
/// and skipped; the rest is still judged. Blank lines are ignored. A judge that throws (other than for cancellation)
/// gives that record status <c>judge_error</c> and an error line; it does not stop the run.</para>
/// </remarks>
public static class JsonlJudgeRunner
{
    private static readonly JsonSerializerOptions s_json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Judges every record of <paramref name="input"/> and writes it, with the verdict, to <paramref name="output"/>.</summary>
    public static async Task<JsonlJudgeSummary> RunAsync(
        IJudge judge, TextReader input, TextWriter output, TextWriter errors, string inputName, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(judge);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(inputName);

        var counts = new int[Enum.GetValues<JudgmentStatus>().Length];
        int judged = 0, malformed = 0, lineNumber = 0;
        while (await input.ReadLineAsync(ct).ConfigureAwait(false) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var parsed = JudgeRecord.Parse(line);
            if (parsed.Record is not { } record)
            {
                malformed++;
                await errors.WriteLineAsync($"{inputName}:{lineNumber}: {parsed.Describe()}".AsMemory(), ct).ConfigureAwait(false);
                continue;
            }

            JudgeVerdict verdict;
            try
            {
                verdict = await judge.JudgeAsync(record.Sample, record.Response, ct).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                verdict = new JudgeVerdict(null, null, JudgmentStatus.JudgeError, ex.Message);
                await errors.WriteLineAsync($"{inputName}:{lineNumber}: judge '{judge.Id}' failed: {ex.Message}".AsMemory(), ct).ConfigureAwait(false);
            }

            judged++;
            counts[(int)verdict.Status]++;
            await output.WriteLineAsync(WithVerdict(record.Json, verdict, judge.Version).AsMemory(), ct).ConfigureAwait(false);
        }

        await output.FlushAsync(ct).ConfigureAwait(false);
        return new JsonlJudgeSummary(
            judged,
            malformed,
            counts[(int)JudgmentStatus.Ok],
            counts[(int)JudgmentStatus.Ambiguous],
            counts[(int)JudgmentStatus.Unparseable],
            counts[(int)JudgmentStatus.JudgeError],
            counts[(int)JudgmentStatus.Skipped]);
    }

    /// <summary>A copy of <paramref name="json"/> with the verdict fields set, as one compact JSON line.</summary>
    public static string WithVerdict(JsonObject json, JudgeVerdict verdict, string judgeVersion)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(verdict);
        var copy = (JsonObject)json.DeepClone();
        if (copy.ContainsKey("label") && !copy.ContainsKey("gold_label"))
        {
            copy["gold_label"] = copy["label"]?.DeepClone();
        }

        copy["label"] = verdict.Label;
        copy["status"] = verdict.Status.ToName();
        copy["judge_version"] = judgeVersion;
        return copy.ToJsonString(s_json);
    }
}
