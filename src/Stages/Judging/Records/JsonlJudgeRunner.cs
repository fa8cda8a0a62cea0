using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;

namespace MultiTrust.Stages.Judging.Records;

/// <summary>
/// Judges <see cref="JudgeRecord"/>s (a JSONL file, or <see cref="JudgeInput"/>s read from any format) with one judge,
/// streaming: one JSONL output line per valid input record.
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
    public static Task<JsonlJudgeSummary> RunAsync(
        IJudge judge, TextReader input, TextWriter output, TextWriter errors, string inputName, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(inputName);
        return RunAsync(judge, ReadLinesAsync(input, inputName, ct), output, errors, ct);
    }

    /// <summary>
    /// Judges every record of <paramref name="inputs"/> (from any format) and writes it, with the verdict, as a JSONL line to
    /// <paramref name="output"/>; an input that is not a record is reported as <c>&lt;location&gt;: &lt;what is wrong&gt;</c>.
    /// </summary>
    public static async Task<JsonlJudgeSummary> RunAsync(
        IJudge judge, IAsyncEnumerable<JudgeInput> inputs, TextWriter output, TextWriter errors, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(judge);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);

        var counts = new int[Enum.GetValues<JudgmentStatus>().Length];
        int judged = 0, malformed = 0;
        await foreach (var (location, parsed) in inputs.WithCancellation(ct).ConfigureAwait(false))
        {
            if (parsed.Record is not { } record)
            {
                malformed++;
                await errors.WriteLineAsync($"{location}: {parsed.Describe()}".AsMemory(), ct).ConfigureAwait(false);
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
                await errors.WriteLineAsync($"{location}: judge '{judge.Id}' failed: {ex.Message}".AsMemory(), ct).ConfigureAwait(false);
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

    private static async IAsyncEnumerable<JudgeInput> ReadLinesAsync(
        TextReader input, string inputName, [EnumeratorCancellation] CancellationToken ct)
    {
        var lineNumber = 0;
        while (await input.ReadLineAsync(ct).ConfigureAwait(false) is { } line)
        {
            lineNumber++;
            if (!string.IsNullOrWhiteSpace(line))
            {
                yield return new JudgeInput($"{inputName}:{lineNumber}", JudgeRecord.Parse(line));
            }
        }
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
