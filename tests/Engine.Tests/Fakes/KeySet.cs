using MultiTrust.Core.Contracts;

namespace MultiTrust.Engine.Tests.Fakes;

internal sealed class KeySet(IEnumerable<(string Sample, string Variant, string Model)> keys) : ICompletedKeys
{
    private readonly HashSet<(string, string, string)> _keys = [.. keys];

    public static KeySet Empty { get; } = new([]);

    public int Count => _keys.Count;

    public bool Contains(string sampleId, string variantId, string modelId) => _keys.Contains((sampleId, variantId, modelId));
}
