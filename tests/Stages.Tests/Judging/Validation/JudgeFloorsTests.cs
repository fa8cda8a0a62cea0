using MultiTrust.Stages.Judging.Validation;

namespace MultiTrust.Stages.Tests.Judging.Validation;

public sealed class JudgeFloorsTests
{
    [Fact]
    public void Parse_ValidObject_FloorsByJudge()
    {
        var floors = JudgeFloors.Parse("""{ "refusal": 0.97, "leak": 1 }""", "floors.json");

        Assert.Equal(0.97, floors.FloorFor("refusal"));
        Assert.Equal(1, floors.FloorFor("leak"));
        Assert.Equal(["refusal", "leak"], floors.ByJudge.Keys);
    }

    [Theory]
    [InlineData("""{ "refusal": 1.5 }""", "floors.json: the floor for judge 'refusal' must be a number between 0 and 1")]
    [InlineData("""{ "refusal": "0.9" }""", "floors.json: the floor for judge 'refusal' must be a number")]
    [InlineData("""[0.95]""", "floors.json: expected an object")]
    [InlineData("""{ "refusal": 0.9, """, "floors.json: invalid JSON")]
    [InlineData("""{ }""", "floors.json: no judge floors")]
    [InlineData("""{ "leak": 0.9, "leak": 0.95 }""", "floors.json: judge 'leak' appears more than once")]
    public void Parse_Invalid_ErrorNamesFileAndJudge(string json, string expected)
    {
        var error = Assert.Throws<InvalidDataException>(() => JudgeFloors.Parse(json, "floors.json"));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FloorFor_UnknownJudge_ErrorNamesFileAndKnownJudges()
    {
        var floors = JudgeFloors.Parse("""{ "refusal": 0.97 }""", "floors.json");

        var error = Assert.Throws<KeyNotFoundException>(() => floors.FloorFor("choice"));

        Assert.Contains("floors.json", error.Message, StringComparison.Ordinal);
        Assert.Contains("refusal", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_Shipped_HasTheRuleJudgesAtLeast095()
    {
        var floors = JudgeFloors.Load();

        foreach (var id in new[] { "refusal", "yesno", "leak" })
        {
            Assert.InRange(floors.FloorFor(id), 0.95, 1.0);
        }
    }
}
