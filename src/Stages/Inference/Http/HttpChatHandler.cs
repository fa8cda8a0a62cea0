namespace MultiTrust.Stages.Inference.Http;

/// <summary>The connection pool every provider client creates for itself.</summary>
internal static class HttpChatHandler
{
    /// <summary>
    /// A <see cref="SocketsHttpHandler"/> with as many connections per server as requests in flight, connections renewed
    /// every <paramref name="pooledConnectionLifetime"/> (so DNS changes are seen), no cookies, no redirects.
    /// </summary>
    public static SocketsHttpHandler Create(int maxConcurrency, TimeSpan pooledConnectionLifetime) => new()
    {
        MaxConnectionsPerServer = maxConcurrency,
        PooledConnectionLifetime = pooledConnectionLifetime,
        PooledConnectionIdleTimeout = TimeSpan.FromSeconds(90),
        UseCookies = false,
        AllowAutoRedirect = false,
    };
}
