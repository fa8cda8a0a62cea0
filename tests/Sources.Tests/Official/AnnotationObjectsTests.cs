using System.Text.Json;
using MultiTrust.Sources.Official;

namespace MultiTrust.Sources.Tests.Official;

public sealed class AnnotationObjectsTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Write(string text)
    {
        var path = Path.Combine(_dir.Path, "a.json");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public async Task ReadMembersAsync_Object_MembersInFileOrderWithTheLineOfEachKey()
    {
        var path = Write("\uFEFF{\n  \"b\": [1,\n    2],\n  \"a\": {\"x\": \"y\"}, \"c\": \"z\"\n}\n");

        var members = await AnnotationObjects.ReadMembersAsync(path);

        Assert.Equal([("b", 2L), ("a", 4L), ("c", 4L)], members.Select(m => (m.Key, m.Line)));
        Assert.Equal(JsonValueKind.Array, members[0].Value.ValueKind);
        Assert.Equal("y", members[1].Value.GetProperty("x").GetString());
    }

    [Theory]
    [InlineData("[1, 2]", 1)]
    [InlineData("{\n\"a\": [1,\n}", 3)]
    [InlineData("{\"a\": 1,\n\"b\": ", 2)]
    public async Task ReadMembersAsync_NotAnObjectOrMalformed_NamesFileAndLine(string text, long line)
    {
        var path = Write(text);

        var error = await Assert.ThrowsAsync<AnnotationException>(() => AnnotationObjects.ReadMembersAsync(path));

        Assert.Equal(path, error.Path);
        Assert.Equal(line, error.Line);
    }

    [Fact]
    public async Task ReadMembersAsync_MissingFile_IsNotFound()
    {
        var error = await Assert.ThrowsAsync<AnnotationException>(() => AnnotationObjects.ReadMembersAsync(Path.Combine(_dir.Path, "none.json")));

        Assert.Equal("not found", error.Problem);
    }
}
