using System.Text;
using MultiTrust.Sources.Official;

namespace MultiTrust.Sources.Tests.Official;

public sealed class JsonArrayRowsTests
{
    private static IReadOnlyList<AnnotationRow> Parse(string json) => JsonArrayRows.Parse("a.json", Encoding.UTF8.GetBytes(json));

    [Fact]
    public void Parse_PrettyPrintedArray_EachRowNamesTheLineItStartsOn()
    {
        var rows = Parse("\uFEFF[\n  {\"a\": 1},\n\n  {\n    \"a\": 2\n  }, {\"a\": 3}\n]\n");

        Assert.Equal([2L, 4L, 6L], rows.Select(r => r.Line));
        Assert.Equal(["1", "2", "3"], rows.Select(r => r.String("a")));
        Assert.All(rows, r => Assert.Equal("a.json", r.Path));
    }

    [Fact]
    public void Parse_NotAnArray_IsAnAnnotationError()
    {
        var error = Assert.Throws<AnnotationException>(() => Parse("{\"a\": 1}"));

        Assert.Equal(1, error.Line);
        Assert.Contains("JSON array", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MalformedElement_NamesTheLine()
    {
        var error = Assert.Throws<AnnotationException>(() => Parse("[\n{\"a\": 1},\n{\"a\" 2}\n]"));

        Assert.Equal(3, error.Line);
        Assert.Contains("after element 1", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TrailingContent_IsMalformed()
    {
        Assert.Throws<AnnotationException>(() => Parse("[1]\n[2]"));
    }

    [Fact]
    public async Task ReadAsync_MissingFile_NotFound()
    {
        var error = await Assert.ThrowsAsync<AnnotationException>(async () =>
        {
            await foreach (var _ in JsonArrayRows.ReadAsync(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "x.json")))
            {
            }
        });

        Assert.Equal("not found", error.Problem);
    }
}
