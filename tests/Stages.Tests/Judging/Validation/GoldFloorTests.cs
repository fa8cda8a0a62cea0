using System.Text.RegularExpressions;
using MultiTrust.Stages.Judging;
using MultiTrust.Stages.Judging.Validation;

namespace MultiTrust.Stages.Tests.Judging.Validation;

/// <summary>
/// Every judge listed in <c>data/judges/gold/floors.json</c> must reach its accuracy floor on both parts of its gold set
/// (the held-out floor is what CI holds it to). To add a judge: add its two gold files, its floors, and one line to
/// <see cref="ValidLabels"/>; the judge comes from <see cref="RuleJudges"/>. This is the only test that reads the
/// held-out part (besides <see cref="GoldSplitTests"/>, which checks that nothing else does).
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
        ["number"] = new("^(?:-100|-50|0|50|100|ambiguous|unparseable)$"),
        ["contains"] = new("^(?:contains|absent)$"),
        ["contains-fuzzy"] = new("^(?:contains|absent)$"),
        ["sentiment"] = new("^(?:positive|negative|ambiguous|unparseable)$"),
        ["refusal-protocol"] = new("^(?:refused|complied)$"),
        ["yesno-protocol"] = new("^(?:yes|no)$"),
        ["yes-protocol"] = new("^(?:yes|no)$"),
        ["yes-protocol-stereotype"] = new("^(?:yes|no)$"),
        ["suitable-protocol"] = new("^(?:suitable|unsuitable)$"),
        ["contain-protocol"] = new("^(?:contains|absent)$"),
        ["contain-protocol-fuzzy"] = new("^(?:contains|absent)$"),
        ["contain-exact-protocol"] = new("^(?:positive|negative|both|neither)$"),
        ["contain-adv-protocol"] = new("^(?:correct|wrong)$"),
        ["match-score-protocol"] = new("^(?:-100|-50|0|50|100|ambiguous|unparseable)$"),
        ["score-protocol"] = new("^(?:0|25|50|75|100|none|off-scale)$"),
        ["iou"] = new("^(?:hit|miss|no-box)$"),
        ["jailbroken-protocol"] = new("^(?:jailbroken|not_jailbroken)$"),
        ["exact-match-protocol"] = new("^(?:exact|differs)$"),
        ["label-in:LABEL_0,LABEL_4"] = new("^(?:in|out)$"),
    };

    public static TheoryData<string, GoldPart> FloorJudgeParts()
    {
        var data = new TheoryData<string, GoldPart>();
        foreach (var id in JudgeFloors.Load().ByJudge.Keys)
        {
            data.Add(id, GoldPart.Tuning);
            data.Add(id, GoldPart.HeldOut);
        }

        return data;
    }

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
    [MemberData(nameof(FloorJudgeParts))]
    public async Task GoldSet_JudgeAccuracy_AtLeastFloor(string judgeId, GoldPart part)
    {
        Assert.True(RuleJudges.TryCreate(judgeId, out var judge), $"floors.json lists '{judgeId}' but RuleJudges has no judge with that id.");
        var floor = JudgeFloors.Load().FloorFor(judgeId).For(part);

        var agreement = await GoldSetValidator.ValidateAsync(judge, GoldSet.Load(judgeId, part), RuleJudges.PositiveLabel(judgeId), CancellationToken.None);

        var misses = string.Join("\n", agreement.Disagreements.Select(d => $"  {d.Id} [{d.Class}]: gold {d.Gold}, predicted {d.Predicted}"));
        Assert.True(
            agreement.Accuracy >= floor,
            $"{judgeId} ({GoldSet.PartName(part)}): accuracy {agreement.Accuracy:F4} < floor {floor} (n={agreement.N}, P={agreement.Precision:F3}, " +
            $"R={agreement.Recall:F3}, kappa={agreement.Kappa:F3}); disagreements:\n{misses}");
    }

    [Theory]
    [MemberData(nameof(FloorJudges))]
    public void GoldSet_Records_EnoughUniqueAndValidlyLabelled(string judgeId)
    {
        var tuning = GoldSet.Load(judgeId, GoldPart.Tuning);
        var heldOut = GoldSet.Load(judgeId, GoldPart.HeldOut);
        Assert.True(ValidLabels.TryGetValue(judgeId, out var valid), $"No valid-label pattern for '{judgeId}'.");

        var all = tuning.Items.Concat(heldOut.Items).ToList();
        Assert.True(all.Count >= MinimumRecords, $"{judgeId}: {all.Count} records, need {MinimumRecords}.");
        Assert.Equal(all.Count, all.Select(i => i.Id).Distinct(StringComparer.Ordinal).Count());
        var invalid = all.Where(i => !valid.IsMatch(i.Label)).Select(i => $"{i.Id}={i.Label}").ToList();
        Assert.True(invalid.Count == 0, $"{judgeId}: invalid labels {string.Join(", ", invalid)}");
        Assert.All(all, i => Assert.False(string.IsNullOrWhiteSpace(i.Note), $"{judgeId}: {i.Id} has no note"));
        Assert.True(heldOut.Items.Count >= 25, $"{judgeId}: the held-out part has {heldOut.Items.Count} records; its agreement would say little.");
    }
}
