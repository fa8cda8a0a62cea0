namespace MultiTrust.Stages.Resilience;

/// <summary>What a provider's error answer says beyond its HTTP status.</summary>
/// <param name="Kind">The provider's error kind (e.g. <c>overloaded_error</c>, <c>RESOURCE_EXHAUSTED</c>), quoted in the cause.</param>
/// <param name="RetryAfter">The wait it asks for outside the standard <c>Retry-After</c> header (e.g. <c>retry-after-ms</c>).</param>
internal sealed record ProviderFailure(string? Kind, TimeSpan? RetryAfter);
