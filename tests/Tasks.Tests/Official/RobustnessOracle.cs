using MultiTrust.Core.Records;

namespace MultiTrust.Tasks.Tests.Official;

/// <summary>The <c>baseline:oracle</c> answer to a sample: its reference.</summary>
internal static class RobustnessOracle
{
    public static ModelResponse Answer(Sample sample) =>
        new(sample.Id, "clean", "baseline:oracle", sample.TaskId, "h", ResponseStatus.Answered, sample.Target.Reference, "stop", null, 0, null, null, 1, false, string.Empty);
}
