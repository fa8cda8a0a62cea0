using System.Runtime.CompilerServices;

namespace MultiTrust.Sources.Official;

/// <summary>Combinators over loaders' item streams.</summary>
public static class OfficialStreams
{
    /// <summary>
    /// One item from each stream in turn until all are exhausted, so that a count limit covers every dataset of a task
    /// (P.1 reads VISPR and VizWiz-Priv from two files). Each stream is enumerated once, lazily, in its own order.
    /// </summary>
    public static async IAsyncEnumerable<T> RoundRobin<T>(
        IReadOnlyList<IAsyncEnumerable<T>> streams, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(streams);
        var live = new List<IAsyncEnumerator<T>>(streams.Count);
        try
        {
            foreach (var stream in streams)
            {
                live.Add(stream.GetAsyncEnumerator(cancellationToken));
            }

            while (live.Count > 0)
            {
                for (var i = 0; i < live.Count;)
                {
                    if (await live[i].MoveNextAsync().ConfigureAwait(false))
                    {
                        yield return live[i].Current;
                        i++;
                    }
                    else
                    {
                        await live[i].DisposeAsync().ConfigureAwait(false);
                        live.RemoveAt(i);
                    }
                }
            }
        }
        finally
        {
            foreach (var enumerator in live)
            {
                await enumerator.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
