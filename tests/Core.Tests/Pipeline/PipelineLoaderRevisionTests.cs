namespace MultiTrust.Core.Tests.Pipeline;

public sealed class PipelineLoaderRevisionTests
{
    [Fact]
    public void Load_ModelRevision_MappedAndDefaultsToNull()
    {
        using var dir = new TempDirectory();

        var pipeline = LoaderFixture.LoadValid(dir, """
            tasks: [t1-basic]
            models:
              - provider: openai-compatible
                endpoint: http://127.0.0.1:8000/v1
                model: llava
                revision: ckpt-2026-11-27
              - baseline:oracle
            """);

        Assert.Equal("ckpt-2026-11-27", pipeline.Models[0].Revision);
        Assert.Null(pipeline.Models[1].Revision);
    }
}
