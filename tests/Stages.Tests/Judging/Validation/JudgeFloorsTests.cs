using MultiTrust.Stages.Judging.Validation;

namespace MultiTrust.Stages.Tests.Judging.Validation;

public sealed class JudgeFloorsTests
{
    [Fact]
    public void Parse_ValidObject_FloorsByJudge()
    {
        var floors = JudgeFloors.Parse("""{ "refusal": { "tuning": 0.97, "held_out": 0.95 }, "leak": { "tuning": 1, "held_out": 0.96 } }""", "floors.json");

        Assert.Equal(new JudgeFloor(0.97, 0.95), floors.FloorFor("refusal"));
        Assert.Equal(0.95, floors.FloorFor("refusal").For(GoldPart.HeldOut));
        Assert.Equal(1, floors.FloorFor("leak").For(GoldPart.Tuning));
        Assert.Equal(["refusal", "leak"], floors.ByJudge.Keys);
    }

    [Theory]
    [InlineData("""{ "refusal": { "tuning": 1.5, "held_out": 0.9 } }""", "floors.json: the 'tuning' floor for judge 'refusal' must be a number between 0 and 1")]
    [InlineData("""{ "refusal": { "tuning": 0.9, "held_out": "0.9" } }""", "floors.json: the 'held_out' floor for judge 'refusal' must be a number")]
    [InlineData("""{ "refusal": { "tuning": 0.9 } }""", "floors.json: judge 'refusal' has no 'held_out' floor")]
    [InlineData("""{ "refusal": 0.9 }""", "floors.json: judge 'refusal' must map to")]
    [InlineData("""[0.95]""", "floors.json: expected an object")]
    [InlineData("""{ "refusal": 0.9, """, "floors.json: invalid JSON")]
    [InlineData("""{ }""", "floors.json: no judge floors")]
    [InlineData("""{ "leak": { "tuning": 1, "held_out": 1 }, "leak": { "tuning": 1, "held_out": 1 } }""", "floors.json: judge 'leak' appears more than once")]
    public void Parse_Invalid_ErrorNamesFileAndJudge(string json, string expected)
    {
        var error = Assert.Throws<InvalidDataException>(() => JudgeFloors.Parse(json, "floors.json"));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FloorFor_UnknownJudge_ErrorNamesFileAndKnownJudges()
    {
        var floors = JudgeFloors.Parse("""{ "refusal": { "tuning": 0.97, "held_out": 0.95 } }""", "floors.json");

        var error = Assert.Throws<KeyNotFoundException>(() => floors.FloorFor("choice"));

        Assert.Contains("floors.json", error.Message, StringComparison.Ordinal);
        Assert.Contains("refusal", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_Shipped_HeldOutFloorsOfTheValidatedJudgesAtLeast095()
    {
        var floors = JudgeFloors.Load();

        foreach (var id in new[] { "refusal", "yesno", "number", "contains", "contains-fuzzy", "sentiment" })
        {
            Assert.InRange(floors.FloorFor(id).HeldOut, 0.95, 1.0);
        }
    }
}
