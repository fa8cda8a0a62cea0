namespace MultiTrust.Core.Contracts;

/// <summary>The (sample, variant, model) keys already committed by an earlier attempt of the same run.</summary>
public interface ICompletedKeys
{
    int Count { get; }

    bool Contains(string sampleId, string variantId, string modelId);
}
