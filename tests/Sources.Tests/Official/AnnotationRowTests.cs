using MultiTrust.Sources.Official;

namespace MultiTrust.Sources.Tests.Official;

public sealed class AnnotationRowTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task ReadJsonArrayRowsAsync_PrettyPrintedArray_EachRowWithItsStartLine()
    {
        var path = Write("[\n  {\"a\": \"x\"},\n\n  {\n    \"a\": \"y\"\n  }, {\"a\": 3}\n]\n");

        var rows = await ReadAsync(path);

        Assert.Equal([2L, 4L, 6L], rows.Select(r => r.Line));
        Assert.Equal(["x", "y", "3"], rows.Select(r => r.String("a")));
        Assert.All(rows, r => Assert.Equal(path, r.Path));
    }

    [Fact]
    public async Task ReadJsonArrayRowsAsync_ByteOrderMarkAndEmptyArray_NoRows()
    {
        var path = Path.Combine(_dir.Path, "bom.json");
        await File.WriteAllBytesAsync(path, [0xEF, 0xBB, 0xBF, (byte)'[', (byte)']']);

        Assert.Empty(await ReadAsync(path));
    }

    [Theory]
    [InlineData("{\"a\": 1}", 1, "expected a JSON array")]
    [InlineData("[\n{\"a\": 1},\n{\"a\": 2,,}\n]", 3, "malformed JSON after element 1")]
    [InlineData("[{\"a\": 1}]\nx", 2, "malformed JSON after element 1")]
    [InlineData("[{\"a\": 1},\n", 2, "malformed JSON after element 1")]
    public async Task ReadJsonArrayRowsAsync_MalformedFile_ThrowsNamingTheLine(string text, long line, string problem)
    {
        var path = Write(text);

        var error = await Assert.ThrowsAsync<AnnotationException>(() => ReadAsync(path));

        Assert.Equal(line, error.Line);
        Assert.StartsWith(problem, error.Problem, StringComparison.Ordinal);
        Assert.StartsWith($"{path}:{line}: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadJsonArrayRowsAsync_MissingFile_ThrowsNotFound()
    {
        var error = await Assert.ThrowsAsync<AnnotationException>(() => ReadAsync(Path.Combine(_dir.Path, "none.json")));

        Assert.Equal("not found", error.Problem);
    }

    [Fact]
    public async Task String_MissingNullOrObjectField_ThrowsNamingFileAndLine()
    {
        var rows = await ReadAsync(Write("[\n{\"a\": null, \"b\": {\"c\": 1}},\n[1]\n]"));

        Assert.Equal("field 'z' is missing", Assert.Throws<AnnotationException>(() => rows[0].String("z")).Problem);
        Assert.Equal("field 'a' is null", Assert.Throws<AnnotationException>(() => rows[0].String("a")).Problem);
        Assert.Equal("field 'b' must be a string, found Object", Assert.Throws<AnnotationException>(() => rows[0].String("b")).Problem);
        var notObject = Assert.Throws<AnnotationException>(() => rows[1].String("a"));
        Assert.Equal((3L, "expected a JSON object, found Array"), (notObject.Line, notObject.Problem));
    }

    [Fact]
    public async Task Text_ArrayField_ItsJsonText()
    {
        var rows = await ReadAsync(Write("[{\"box\": [0.1, 0.2, 0.5, 0.6], \"s\": \"[0, 0, 1, 1]\", \"n\": null}]"));

        Assert.Equal("[0.1, 0.2, 0.5, 0.6]", rows[0].Text("box"));
        Assert.Equal("[0, 0, 1, 1]", rows[0].Text("s"));
        Assert.Equal("field 'n' is null", Assert.Throws<AnnotationException>(() => rows[0].Text("n")).Problem);
    }

    private string Write(string text)
    {
        var path = Path.Combine(_dir.Path, Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, text);
        return path;
    }

    private static async Task<List<AnnotationRow>> ReadAsync(string path)
    {
        var rows = new List<AnnotationRow>();
        await foreach (var row in AnnotationFiles.ReadJsonArrayRowsAsync(path))
        {
            rows.Add(row);
        }

        return rows;
    }
}
