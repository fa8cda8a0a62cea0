namespace MultiTrust.Stages.Inference.OpenAICompatible;

/// <summary>Round-robin over replicas: each call starts at the next endpoint and each retry moves one further.</summary>
internal sealed class EndpointPool
{
    private readonly ModelEndpoint[] _endpoints;
    private int _next = -1;

    public EndpointPool(IReadOnlyList<Uri> baseUrls, string route)
    {
        _endpoints = new ModelEndpoint[baseUrls.Count];
        for (var i = 0; i < _endpoints.Length; i++)
        {
            _endpoints[i] = new ModelEndpoint(baseUrls[i], route);
        }
    }

    public int NextStart() => Interlocked.Increment(ref _next);

    public ModelEndpoint Get(int start, int attemptIndex) =>
        _endpoints[(int)(((uint)start + (uint)attemptIndex) % (uint)_endpoints.Length)];
}
