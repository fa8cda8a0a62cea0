using MultiTrust.Core.Pipeline;
using MultiTrust.Core.Runs;

namespace MultiTrust.Core.Tests.Pipeline;

public sealed class PipelineLoaderDatasetTests
{
    [Fact]
    public void Load_DatasetSource_ResolvesPathFormatAndColumns()
    {
        using var dir = new TempDirectory();
        dir.WriteFile("lake/t1.parquet", "x");

        var pipeline = LoaderFixture.LoadValid(dir, """
            tasks:
              - id: t1-basic
                source:
                  dataset:
                    path: lake/t1.parquet
                    columns: {prompt: question, image: image_path, target: answer, subset: split}
            models: [baseline:oracle]
            """);

        var task = Assert.Single(pipeline.Tasks);
        Assert.Equal("dataset", task.Source);
        var dataset = Assert.IsType<DatasetSourceDefinition>(task.Dataset);
        Assert.Equal(Path.Combine(dir.Path, "lake", "t1.parquet"), dataset.Path);
        Assert.Equal("parquet", dataset.Format);
        Assert.Equal(new DatasetColumns("question", "image_path", null, "answer", null, "split"), dataset.Columns);
        Assert.Null(dataset.Chain);
    }

    [Fact]
    public void ConfigOf_DatasetMappingChangesTheHash()
    {
        using var dir = new TempDirectory();
        dir.WriteFile("lake/t1.jsonl", "{}");
        string Yaml(string target) => $"""
            tasks:
              - id: t1-basic
                source:
                  dataset:
                    path: lake/t1.jsonl
                    columns: {"{"}prompt: q, target: {target}{"}"}
            models: [baseline:oracle]
            """;

        var a = RunCardFactory.HashOf(RunCardFactory.ConfigOf(LoaderFixture.LoadValid(dir, Yaml("answer"))));
        var b = RunCardFactory.HashOf(RunCardFactory.ConfigOf(LoaderFixture.LoadValid(dir, Yaml("label"))));

        Assert.NotEqual(a, b);
    }

    [Theory]
    [InlineData("{dataset: {path: lake/none.jsonl}}", "dataset file not found:")]
    [InlineData("{dataset: {path: lake/t1.txt}}", "cannot tell the format of 'lake/t1.txt'")]
    [InlineData("{dataset: {path: lake/t1.jsonl, columns: {question: q}}}", "unknown key 'question' in a dataset source's columns")]
    [InlineData("{dataset: {path: lake/t1.jsonl, chain: validated}}", "'chain' of a dataset source must be 'official' or 'synthetic'")]
    [InlineData("{lake: x}", "unknown key 'lake' in a task's source")]
    public void Load_BadDatasetSource_ProblemNamesWhatAndWhere(string source, string expected)
    {
        using var dir = new TempDirectory();
        dir.WriteFile("lake/t1.jsonl", "{}");
        dir.WriteFile("lake/t1.txt", "{}");

        var result = LoaderFixture.Load(dir, $"""
            tasks:
              - id: t1-basic
                source: {source}
            models: [baseline:oracle]
            """);

        Assert.Null(result.Definition);
        var problem = Assert.Single(result.Problems, p => p.Message.Contains(expected, StringComparison.Ordinal));
        Assert.Equal(3, problem.Location.Line);
    }
}
