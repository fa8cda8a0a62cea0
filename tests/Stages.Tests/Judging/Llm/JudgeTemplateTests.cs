using MultiTrust.Core;
using MultiTrust.Stages.Judging.Llm;

namespace MultiTrust.Stages.Tests.Judging.Llm;

public sealed class JudgeTemplateTests
{
    [Fact]
    public void Parse_HeaderCommentAndPlaceholders_StripsCommentAndFillsOnce()
    {
        var template = JudgeTemplate.Parse("# comment\nR={response} T={target} P={prompt} B={behavior} {{x}}\n");

        var filled = template.Fill("{target}", "t", "p", "b");

        Assert.Equal("R={target} T=t P=p B=b {x}", filled);
        Assert.Equal("R={response} T={target} P={prompt} B={behavior} {{x}}", template.Text);
    }

    [Fact]
    public void Parse_UnknownPlaceholder_ThrowsNamingSourceAndLine()
    {
        var ex = Assert.Throws<InvalidDataException>(() => JudgeTemplate.Parse("# c\nok\nbad {answer}", "my.txt"));

        Assert.Contains("my.txt", ex.Message, StringComparison.Ordinal);
        Assert.Contains("line 3", ex.Message, StringComparison.Ordinal);
        Assert.Contains("{answer}", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_GenerationPlaceholder_IsResponse()
    {
        var template = JudgeTemplate.Parse("B={behavior} G={generation}");

        Assert.Equal("B=b G=r", template.Fill("r", null, "p", "b"));
        Assert.Contains("response", template.Placeholders);
    }

    [Fact]
    public void Parse_CommentOrLineEndingChange_SameHash()
    {
        var a = JudgeTemplate.Parse("# one\nJudge {response}\n");
        var b = JudgeTemplate.Parse("# two\r\nJudge {response}");
        var c = JudgeTemplate.Parse("Judge  {response}");

        Assert.Equal(a.Sha256, b.Sha256);
        Assert.NotEqual(a.Sha256, c.Sha256);
    }

    [Theory]
    [InlineData("consistency-yesno.txt")]
    [InlineData("harm-classifier.txt")]
    public void Load_ShippedTemplates_ParseAndUseResponse(string name)
    {
        var template = JudgeTemplate.Load(DataPaths.Combine("judges", "templates", name));

        Assert.Contains("response", template.Placeholders);
        Assert.DoesNotContain("#", template.Text[..1], StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingFile_ThrowsNamingFile()
    {
        var ex = Assert.Throws<InvalidDataException>(() => JudgeTemplate.Load("/nonexistent/judge-template.txt"));

        Assert.Contains("/nonexistent/judge-template.txt", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MetadataPlaceholders_ListsKeysAndFillsFromMetadata()
    {
        var template = JudgeTemplate.Parse("Q: {meta:QUESTION} R: {response} K: {meta:EXPECTED_KEYWORDS} again {meta:QUESTION}");

        var filled = template.Fill("{meta:QUESTION}", null, "p", null, new Dictionary<string, string>
        {
            ["QUESTION"] = "what?",
            ["EXPECTED_KEYWORDS"] = "a, b",
        });

        Assert.Equal(["QUESTION", "EXPECTED_KEYWORDS"], template.MetadataKeys);
        Assert.Contains("meta:QUESTION", template.Placeholders);
        Assert.Equal("Q: what? R: {meta:QUESTION} K: a, b again what?", filled);
    }

    [Fact]
    public void MissingMetadataKey_KeyAbsent_NamesFirstMissingKey()
    {
        var template = JudgeTemplate.Parse("{meta:img_size} {meta:other.key-2}");

        Assert.Equal("other.key-2", template.MissingMetadataKey(new Dictionary<string, string> { ["img_size"] = "(1, 2)" }));
        Assert.Null(template.MissingMetadataKey(new Dictionary<string, string> { ["img_size"] = "x", ["other.key-2"] = "y" }));
    }

    [Fact]
    public void Fill_MetadataKeyAbsent_ThrowsNamingKey()
    {
        var template = JudgeTemplate.Parse("size {meta:img_size}", "grounding.txt");

        var ex = Assert.Throws<InvalidOperationException>(() => template.Fill("r", null, "p", null, new Dictionary<string, string>()));

        Assert.Equal("Judge template 'grounding.txt' needs sample metadata 'img_size'.", ex.Message);
    }

    [Fact]
    public void Parse_MetaWithoutKey_ThrowsUnknownPlaceholder()
    {
        var ex = Assert.Throws<InvalidDataException>(() => JudgeTemplate.Parse("bad {meta:}", "t.txt"));

        Assert.Contains("unknown placeholder '{meta:}'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("{meta:KEY}", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_OtherPrefixWithColon_IsLiteralText()
    {
        var template = JudgeTemplate.Parse("{x:y} {response}");

        Assert.Equal("{x:y} r", template.Fill("r", null, "p", null));
        Assert.Empty(template.MetadataKeys);
    }
}
