using System.Collections.Immutable;
using System.Text.Json;
using MultiTrust.Core;
using MultiTrust.Core.Records;
using MultiTrust.Stages.Judging;
using MultiTrust.Stages.Tests.Inference.Invoking;

namespace MultiTrust.Stages.Tests.Judging;

/// <summary>The <c>choice</c> judge against its hand-labelled gold set, <c>data/judges/gold/choice.jsonl</c>.</summary>
public sealed class ChoiceGoldSetTests
{
    private const double MinAccuracy = 0.95;
    private const int MinRecords = 150;

    [Fact]
    public async Task GoldSet_Accuracy_AtLeast95Percent()
    {
        var path = DataPaths.Combine("judges", "gold", "choice.jsonl");
        var records = Load(path);
        var judge = new ChoiceJudge();
        var disagreements = new List<string>();
        foreach (var record in records)
        {
            var verdict = await judge.JudgeAsync(record.Sample, ChoiceJudgeTests.Response(record.Sample, record.Response), CancellationToken.None);
            var predicted = verdict.Status switch
            {
                JudgmentStatus.Ambiguous => "ambiguous",
                JudgmentStatus.Unparseable => "unparseable",
                _ => verdict.Label,
            };
            if (!string.Equals(predicted, record.Label, StringComparison.Ordinal))
            {
                disagreements.Add($"{record.Id}: gold {record.Label}, judged {predicted ?? "(null)"} ({verdict.Raw})");
            }
        }

        var accuracy = 1.0 - ((double)disagreements.Count / records.Count);
        Assert.True(records.Count >= MinRecords, $"{path} has {records.Count} records; expected at least {MinRecords}");
        Assert.True(
            accuracy >= MinAccuracy,
            $"choice judge accuracy {accuracy:F3} on {records.Count} records (< {MinAccuracy}); disagreements:\n{string.Join("\n", disagreements)}");
    }

    [Fact]
    public void GoldSet_Ids_Unique()
    {
        var records = Load(DataPaths.Combine("judges", "gold", "choice.jsonl"));

        var duplicates = records.GroupBy(r => r.Id).Where(g => g.Count() > 1).Select(g => g.Key).ToList();

        Assert.True(duplicates.Count == 0, $"duplicate ids: {string.Join(", ", duplicates)}");
    }

    private static List<GoldRecord> Load(string path)
    {
        var records = new List<GoldRecord>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            string Required(string field) => root.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()!
                : throw new InvalidDataException($"{path}:{lineNumber}: field '{field}' is missing or not a string");

            var options = root.GetProperty("options").EnumerateArray().Select(o => o.GetString()!).ToArray();
            var sample = TestSamples.Create(prompt: root.TryGetProperty("prompt", out var prompt) ? prompt.GetString()! : "Choose one option.", expected: Required("target"));
            sample = sample with
            {
                Metadata = ImmutableDictionary<string, string>.Empty.Add(ChoiceJudge.OptionsKey, JsonSerializer.Serialize(options)),
            };
            records.Add(new GoldRecord(Required("id"), Required("response"), Required("label"), sample));
        }

        return records;
    }

    private sealed record GoldRecord(string Id, string Response, string Label, Sample Sample);
}
