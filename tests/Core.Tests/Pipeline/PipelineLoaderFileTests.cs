using MultiTrust.Core.Pipeline;

namespace MultiTrust.Core.Tests.Pipeline;

public sealed class PipelineLoaderFileTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("models: [baseline:oracle]\ntasks: [t1-basic")]
    [InlineData("tasks: {a: b\n")]
    [InlineData("name: a\n  bad: b\ntasks: [t1-basic]\n")]
    [InlineData("tasks:\n  - t1-basic\n - t2\nmodels: [baseline:oracle]\n")]
    [InlineData("name: a\nname: b\ntasks: [t1-basic]\nmodels: [baseline:oracle]\n")]
    [InlineData("tasks: \"t1-basic\nmodels: [baseline:oracle]\n")]
    public void Load_MalformedYaml_ReportsOneProblemWithLine(string yaml)
    {
        var problem = LoaderFixture.LoadSingleProblem(_dir, yaml);

        Assert.StartsWith("malformed YAML: ", problem.Message, StringComparison.Ordinal);
        Assert.InRange(problem.Location.Line, 1, yaml.Count(c => c == '\n') + 2);
        Assert.DoesNotContain("(Line: ", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_DuplicateKey_ReportsTheSecondKeyLine()
    {
        var problem = LoaderFixture.LoadSingleProblem(_dir, "name: a\nname: b\ntasks: [t1-basic]\nmodels: [baseline:oracle]\n");

        Assert.Equal(2, problem.Location.Line);
        Assert.Contains("Duplicate key", problem.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Load_MissingFile_ReportsCannotReadWithoutLine()
    {
        var path = _dir.Combine("absent.yaml");

        var result = LoaderFixture.NewLoader().Load(path, _dir.Path);

        var problem = Assert.Single(result.Problems);
        Assert.Null(result.Definition);
        Assert.Equal(new SourceLocation(path, 0, 0), problem.Location);
        Assert.StartsWith("cannot read the pipeline file: ", problem.Message, StringComparison.Ordinal);
        Assert.StartsWith($"{path}: cannot read", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_DirectoryInsteadOfFile_ReportsCannotRead()
    {
        var result = LoaderFixture.NewLoader().Load(_dir.Path, _dir.Path);

        var problem = Assert.Single(result.Problems);
        Assert.StartsWith("cannot read the pipeline file: ", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n")]
    [InlineData("- t1-basic\n")]
    [InlineData("just text\n")]
    public void Load_EmptyOrNonMappingFile_ReportsExpectedMappingAtStart(string yaml)
    {
        var problem = LoaderFixture.LoadSingleProblem(_dir, yaml);

        Assert.Equal((1, 1), (problem.Location.Line, problem.Location.Column));
        Assert.Contains("expected a mapping with at least 'tasks' and 'models'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnclosedBracketBeforeNewLine_ReportsMalformedYamlInsteadOfThrowing()
    {
        var problem = LoaderFixture.LoadSingleProblem(_dir, "tasks: [t1-basic\nmodels: [baseline:oracle]\n");

        Assert.StartsWith("malformed YAML: ", problem.Message, StringComparison.Ordinal);
        Assert.InRange(problem.Location.Line, 1, 2);
    }

    [Fact]
    public void Load_TimeoutTooLarge_ReportsProblemInsteadOfThrowing()
    {
        var problem = LoaderFixture.LoadSingleProblem(_dir, "models:\n  - provider: baseline:oracle\n    timeout: 1e20\ntasks: [t1-basic]\n");

        Assert.Equal((3, 14), (problem.Location.Line, problem.Location.Column));
        Assert.Contains("'timeout' in a model entry must be a positive duration", problem.Message, StringComparison.Ordinal);
    }
}
