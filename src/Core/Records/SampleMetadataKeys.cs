namespace MultiTrust.Core.Records;

/// <summary>Metadata keys with a meaning to the engine and stages.</summary>
public static class SampleMetadataKeys
{
    /// <summary>
    /// Set by a loader when the sample's input is unusable (a missing or corrupt image): the model invoker records a
    /// typed error row with this message and sends nothing.
    /// </summary>
    public const string InputError = "input_error";
}
