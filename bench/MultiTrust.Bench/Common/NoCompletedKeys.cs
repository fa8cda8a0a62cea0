using MultiTrust.Core.Contracts;

namespace MultiTrust.Bench.Common;

/// <summary>A fresh run: nothing committed earlier.</summary>
public sealed class NoCompletedKeys : ICompletedKeys
{
    public static NoCompletedKeys Instance { get; } = new();

    public int Count => 0;

    public bool Contains(string sampleId, string variantId, string modelId) => false;
}
