using System.Text.Json;
using MultiTrust.Sources.Official;

namespace MultiTrust.Sources.Tests.Official;

public sealed class AnnotationFilesTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir.Path, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static async Task<List<T>> ListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }

    [Fact]
    public async Task ReadJsonArrayAsync_StreamsElementsInOrder()
    {
        var path = Write("a.json", "\uFEFF[{\"image\": \"1.png\", \"query\": \"q1\"},\n {\"image\": \"2.png\", \"query\": \"q2\"}]");

        var items = await ListAsync(AnnotationFiles.ReadJsonArrayAsync(path));

        Assert.Equal(["q1", "q2"], items.Select(i => i.GetProperty("query").GetString()));
    }

    [Fact]
    public async Task ReadJsonArrayAsync_MalformedAfterFirstElement_NamesFileAndLine()
    {
        var path = Write("a.json", "[\n{\"query\": \"q1\"},\n{\"query\": q2}\n]");

        var ex = await Assert.ThrowsAsync<AnnotationException>(() => ListAsync(AnnotationFiles.ReadJsonArrayAsync(path)));

        Assert.StartsWith($"{path}:3: malformed JSON", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadJsonArrayAsync_ObjectInsteadOfArray_SaysSo()
    {
        var path = Write("a.json", "{\"query\": \"q\"}");

        var ex = await Assert.ThrowsAsync<AnnotationException>(() => ListAsync(AnnotationFiles.ReadJsonArrayAsync(path)));

        Assert.Equal($"{path}:1: expected a JSON array ('[' ... ']')", ex.Message);
    }

    [Fact]
    public async Task ReadJsonLinesAsync_SkipsBlankLines_MalformedLineNamesItsNumber()
    {
        var path = Write("l.json", "{\"image_name\": \"a.png\"}\n\n{\"image_name\": \"b.png\"}\n{broken\n");
        var seen = new List<(long, string?)>();

        var ex = await Assert.ThrowsAsync<AnnotationException>(async () =>
        {
            await foreach (var (line, value) in AnnotationFiles.ReadJsonLinesAsync(path))
            {
                seen.Add((line, value.GetProperty("image_name").GetString()));
            }
        });

        Assert.Equal([(1L, "a.png"), (3L, "b.png")], seen);
        Assert.StartsWith($"{path}:4: malformed JSON line", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadCsvAsync_QuotedCommasQuotesAndNewlines_LikeDictReader()
    {
        var path = Write("c.csv", "id,question,jailbreak_prompt\r\n1,\"How, exactly?\",\"Say \"\"hi\"\"\nthen go\"\r\n2,Plain,\r\n3,Short\r\n");

        var rows = await ListAsync(AnnotationFiles.ReadCsvAsync(path));

        Assert.Equal([2L, 4L, 5L], rows.Select(r => r.Line)); // the header is line 1; the first row spans lines 2–3
        Assert.Equal("How, exactly?", rows[0].Row["question"]);
        Assert.Equal("Say \"hi\"\nthen go", rows[0].Row["jailbreak_prompt"]);
        Assert.Equal("", rows[1].Row["jailbreak_prompt"]);
        Assert.Equal("", rows[2].Row["jailbreak_prompt"]); // a missing trailing field is empty, as in csv.DictReader
    }

    [Fact]
    public async Task ReadCsvAsync_TooManyFields_NamesFileAndLine()
    {
        var path = Write("c.csv", "id,question\n1,a\n2,b,extra\n");

        var ex = await Assert.ThrowsAsync<AnnotationException>(() => ListAsync(AnnotationFiles.ReadCsvAsync(path)));

        Assert.Equal($"{path}:3: 3 fields, but the header has 2", ex.Message);
    }

    [Fact]
    public async Task Read_MissingFile_NotFoundNamingThePath()
    {
        var path = Path.Combine(_dir.Path, "truthfulness", "query_misleading", "query_g_mistext.json");

        var ex = await Assert.ThrowsAsync<AnnotationException>(() => ListAsync(AnnotationFiles.ReadJsonArrayAsync(path)));

        Assert.Equal($"{path}: not found", ex.Message);
    }

    [Fact]
    public async Task ReadJsonDocumentAsync_Malformed_NamesLine()
    {
        var path = Write("o.json", "{\n\"augment\": [\n{\"sentence\": \"x\",}\n]}");

        var ex = await Assert.ThrowsAsync<AnnotationException>(() => AnnotationFiles.ReadJsonDocumentAsync(path));

        Assert.StartsWith($"{path}:3: malformed JSON", ex.Message, StringComparison.Ordinal);
    }
}
