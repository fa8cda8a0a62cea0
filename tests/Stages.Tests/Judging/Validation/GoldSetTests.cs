using MultiTrust.Stages.Judging.Validation;

namespace MultiTrust.Stages.Tests.Judging.Validation;

public sealed class GoldSetTests
{
    [Theory]
    [InlineData("{\"id\":\"a\",\"response\":\"x\",\"label\":\"yes\"}\n\n{\"id\":\"a\",\"response\":\"y\",\"label\":\"no\"}", "gold.jsonl:3: field 'id': 'a' is already used on line 1")]
    [InlineData("{\"id\":\"a\",\"response\":\"x\"}", "gold.jsonl:1: field 'label': is required")]
    [InlineData("{\"response\":\"x\",\"label\":\"no\"}", "gold.jsonl:1: field 'id': is required")]
    [InlineData("{\"id\":\"a\",\"response\":\"x\",\"label\":\"no\"}\n{\"id\":\"b\",\"label\":\"no\"}", "gold.jsonl:2: field 'response': is required")]
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
    public void Parse_ValidRecords_KeepsIdLabelNoteAndLine()
    {
        var gold = GoldSet.Parse("yesno", new StringReader("\n{\"id\":\"a\",\"response\":\"Yes.\",\"target\":\"yes\",\"label\":\"yes\",\"note\":\"plain\"}"), "g");

        var item = Assert.Single(gold.Items);
        Assert.Equal(("a", "yes", "plain", 2), (item.Id, item.Label, item.Note, item.Line));
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
}
