using Microsoft.Extensions.Time.Testing;

namespace MultiTrust.Stages.Tests.Resilience;

/// <summary>
/// Moves a <see cref="FakeTimeProvider"/> forward in small steps while real work (loopback HTTP) runs, so code that
/// waits on fake time (a <c>Retry-After</c> pause, a backoff) proceeds without the test sleeping for it.
/// </summary>
internal static class FakeTimeDriver
{
    /// <summary>Advances <paramref name="time"/> by <paramref name="step"/> every millisecond or so until <paramref name="work"/> ends.</summary>
    public static async Task<T> RunAsync<T>(FakeTimeProvider time, Task<T> work, TimeSpan step)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!work.IsCompleted)
        {
            guard.Token.ThrowIfCancellationRequested();
            await Task.Delay(1);
            time.Advance(step);
        }

        return await work;
    }
}
