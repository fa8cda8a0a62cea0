using System.Text.RegularExpressions;
using MultiTrust.Stages.Judging;
using MultiTrust.Stages.Judging.Validation;

namespace MultiTrust.Stages.Tests.Judging.Validation;

/// <summary>
/// Every judge listed in <c>data/judges/gold/floors.json</c> must reach its accuracy floor on its gold set. To add a
/// judge: add its gold file, its floor, and one line to <see cref="ValidLabels"/>; the judge comes from <see cref="RuleJudges"/>.
/// </summary>
public sealed class GoldFloorTests
{
    private const int MinimumRecords = 150;

    /// <summary>The gold labels each judge's set may use.</summary>
    public static readonly IReadOnlyDictionary<string, Regex> ValidLabels = new Dictionary<string, Regex>
    {
        ["refusal"] = new("^(?:refused|complied)$"),
        ["yesno"] = new("^(?:yes|no|ambiguous|unparseable)$"),
        ["leak"] = new("^(?:leaked|safe)$"),
        ["choice"] = new("^(?:[A-Z]|ambiguous|unparseable)$"),
    };

    public static TheoryData<string> FloorJudges()
    {
        var data = new TheoryData<string>();
        foreach (var id in JudgeFloors.Load().ByJudge.Keys)
        {
            data.Add(id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(FloorJudges))]
    public async Task GoldSet_JudgeAccuracy_AtLeastFloor(string judgeId)
    {
        Assert.True(RuleJudges.TryCreate(judgeId, out var judge), $"floors.json lists '{judgeId}' but RuleJudges has no judge with that id.");
        var floor = JudgeFloors.Load().FloorFor(judgeId);
        Assert.True(floor >= 0.95, $"The floor of '{judgeId}' is {floor}; floors are never below 0.95.");

        var agreement = await GoldSetValidator.ValidateAsync(judge, GoldSet.Load(judgeId), RuleJudges.PositiveLabel(judgeId), CancellationToken.None);

        var misses = string.Join("\n", agreement.Disagreements.Select(d => $"  {d.Id}: gold {d.Gold}, predicted {d.Predicted}"));
        Assert.True(
            agreement.Accuracy >= floor,
            $"{judgeId}: accuracy {agreement.Accuracy:F4} < floor {floor} (n={agreement.N}, P={agreement.Precision:F3}, R={agreement.Recall:F3}, kappa={agreement.Kappa:F3}); disagreements:\n{misses}");
    }

    [Theory]
    [MemberData(nameof(FloorJudges))]
    public void GoldSet_Records_EnoughUniqueAndValidlyLabelled(string judgeId)
    {
        var gold = GoldSet.Load(judgeId);
        Assert.True(ValidLabels.TryGetValue(judgeId, out var valid), $"No valid-label pattern for '{judgeId}'.");

        Assert.True(gold.Items.Count >= MinimumRecords, $"{judgeId}: {gold.Items.Count} records, need {MinimumRecords}.");
        Assert.Equal(gold.Items.Count, gold.Items.Select(i => i.Id).Distinct(StringComparer.Ordinal).Count());
        var invalid = gold.Items.Where(i => !valid.IsMatch(i.Label)).Select(i => $"{i.Id}={i.Label}").ToList();
        Assert.True(invalid.Count == 0, $"{judgeId}: invalid labels {string.Join(", ", invalid)}");
        Assert.All(gold.Items, i => Assert.False(string.IsNullOrWhiteSpace(i.Note), $"{judgeId}: {i.Id} has no note"));
    }
}
