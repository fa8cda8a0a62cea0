using MultiTrust.Stages.Judging.Validation;

namespace MultiTrust.Stages.Tests.Judging.Validation;

public sealed class GoldSetTests
{
    [Theory]
    [InlineData("{\"id\":\"a\",\"response\":\"x\",\"label\":\"yes\",\"class\":\"k\"}\n\n{\"id\":\"a\",\"response\":\"y\",\"label\":\"no\",\"class\":\"k\"}", "gold.jsonl:3: field 'id': 'a' is already used on line 1")]
    [InlineData("{\"id\":\"a\",\"response\":\"x\",\"label\":\"yes\"}", "gold.jsonl:1: field 'class': is required")]
    [InlineData("{\"id\":\"a\",\"response\":\"x\",\"label\":\"yes\",\"class\":3}", "gold.jsonl:1: field 'class': must be a string")]
    [InlineData("{\"id\":\"a\",\"response\":\"x\"}", "gold.jsonl:1: field 'label': is required")]
    [InlineData("{\"response\":\"x\",\"label\":\"no\"}", "gold.jsonl:1: field 'id': is required")]
    [InlineData("{\"id\":\"a\",\"response\":\"x\",\"label\":\"no\",\"class\":\"k\"}\n{\"id\":\"b\",\"label\":\"no\"}", "gold.jsonl:2: field 'response': is required")]
    [InlineData("{\"id\":\"a\",\"response\":\"x\",\"label\":7}", "gold.jsonl:1: field 'label': must be a string")]
    [InlineData("{oops", "gold.jsonl:1: invalid JSON")]
    public void Parse_BadRecord_ErrorNamesFileAndLine(string text, string expected)
    {
        var error = Assert.Throws<InvalidDataException>(() => GoldSet.Parse("yesno", new StringReader(text), "gold.jsonl"));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Empty_Throws()
    {
        var error = Assert.Throws<InvalidDataException>(() => GoldSet.Parse("yesno", new StringReader("\n \n"), "gold.jsonl"));

        Assert.Contains("no records", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ValidRecords_KeepsIdLabelClassNoteAndLine()
    {
        var gold = GoldSet.Parse(
            "yesno", new StringReader("\n{\"id\":\"a\",\"response\":\"Yes.\",\"target\":\"yes\",\"label\":\"yes\",\"class\":\"plain-answer\",\"note\":\"plain\"}"), "g", GoldPart.HeldOut);

        var item = Assert.Single(gold.Items);
        Assert.Equal(("a", "yes", "plain-answer", "plain", 2), (item.Id, item.Label, item.Class, item.Note, item.Line));
        Assert.Equal(GoldPart.HeldOut, gold.Part);
        Assert.Equal("yes", item.Record.Sample.Target.Expected);
    }

    [Fact]
    public void Load_MissingFile_ErrorNamesJudgeAndPath()
    {
        var path = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.jsonl");

        var error = Assert.Throws<FileNotFoundException>(() => GoldSet.Load("nosuch", path));

        Assert.Contains("nosuch", error.Message, StringComparison.Ordinal);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PathFor_Parts_TuningBesideHeldOutInItsFolder()
    {
        var tuning = GoldSet.PathFor("refusal", GoldPart.Tuning);
        var heldOut = GoldSet.PathFor("refusal", GoldPart.HeldOut);

        Assert.Equal("refusal.jsonl", Path.GetFileName(tuning));
        Assert.Equal("refusal.jsonl", Path.GetFileName(heldOut));
        Assert.Equal(Path.Combine(Path.GetDirectoryName(tuning)!, GoldSet.HeldOutFolder), Path.GetDirectoryName(heldOut));
        Assert.Equal(("tuning", "held-out"), (GoldSet.PartName(GoldPart.Tuning), GoldSet.PartName(GoldPart.HeldOut)));
    }
}
