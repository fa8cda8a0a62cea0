using System.Text.Json;
using MultiTrust.Sources.Official;

namespace MultiTrust.Sources.Tests.Official;

public sealed class AnnotationRowFieldTests
{
    private static AnnotationRow Row(string json) => new("f.jsonl", 7, JsonDocument.Parse(json).RootElement.Clone());

    [Theory]
    [InlineData("{\"p\": 1}", true)]
    [InlineData("{\"p\": 0}", false)]
    [InlineData("{\"p\": 1.0}", true)]
    [InlineData("{\"p\": true}", true)]
    [InlineData("{\"p\": false}", false)]
    [InlineData("{\"p\": \"1\"}", true)]
    [InlineData("{\"p\": \"No\"}", false)]
    public void Binary_ZeroOneLabels_Read(string json, bool expected)
    {
        Assert.Equal(expected, Row(json).Binary("p"));
    }

    [Theory]
    [InlineData("{\"p\": 2}")]
    [InlineData("{\"p\": \"maybe\"}")]
    [InlineData("{\"p\": []}")]
    public void Binary_OtherValues_NameFileLineAndField(string json)
    {
        var error = Assert.Throws<AnnotationException>(() => Row(json).Binary("p"));

        Assert.Equal(("f.jsonl", 7L), (error.Path, error.Line));
        Assert.Contains("'p'", error.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{}", "f.jsonl:7: field 's' is missing")]
    [InlineData("{\"s\": null}", "f.jsonl:7: field 's' is null")]
    public void String_MissingOrNull_NamesFileLineAndField(string json, string expected)
    {
        var error = Assert.Throws<AnnotationException>(() => Row(json).String("s"));

        Assert.Equal(expected, error.Message);
    }

    [Fact]
    public void String_NumberOrObject_TextOrError()
    {
        Assert.Equal("12", Row("{\"s\": 12}").String("s"));
        Assert.Throws<AnnotationException>(() => Row("{\"s\": {}}").String("s"));
        Assert.Throws<AnnotationException>(() => Row("[1]").String("s"));
    }
}
