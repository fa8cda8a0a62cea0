using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace MultiTrust.Testing;

/// <summary>
/// A real Kestrel server on 127.0.0.1 (random port) that serves fixed bytes by path for download tests: GET of a path
/// added with <see cref="Add"/> returns its bytes (or its status), any other path 404. Counts the requests per path.
/// All members are thread-safe.
/// </summary>
public sealed class LoopbackFileServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, (byte[] Bytes, int Status, TimeSpan Delay)> _files = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _requests = new(StringComparer.Ordinal);

    private LoopbackFileServer(WebApplication app) => _app = app;

    /// <summary>The server's root URL, for example <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Starts a server and returns once it listens.</summary>
    public static async Task<LoopbackFileServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new LoopbackFileServer(app);
        app.Run(server.ServeAsync);
        await app.StartAsync(cancellationToken);
        var addresses = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
        var address = addresses.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Kestrel reported no bound address for http://127.0.0.1:0.");
        server.BaseUrl = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    /// <summary>Serves <paramref name="bytes"/> at <paramref name="path"/> (with <paramref name="status"/>, after <paramref name="delay"/>); returns its URL.</summary>
    public Uri Add(string path, byte[] bytes, int status = StatusCodes.Status200OK, TimeSpan delay = default)
    {
        var key = "/" + path.TrimStart('/');
        _files[key] = (bytes, status, delay);
        return new Uri(BaseUrl, key.TrimStart('/'));
    }

    /// <summary>The URL of <paramref name="path"/>, served or not.</summary>
    public Uri UrlOf(string path) => new(BaseUrl, path.TrimStart('/'));

    /// <summary>How many requests asked for <paramref name="path"/>.</summary>
    public int RequestsFor(string path) => _requests.TryGetValue("/" + path.TrimStart('/'), out var count) ? count : 0;

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await _app.StopAsync(timeout.Token);
        }
        finally
        {
            await _app.DisposeAsync();
        }
    }

    private async Task ServeAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        _requests.AddOrUpdate(path, 1, static (_, count) => count + 1);
        if (!HttpMethods.IsGet(context.Request.Method) || !_files.TryGetValue(path, out var file))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (file.Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(file.Delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        context.Response.StatusCode = file.Status;
        context.Response.ContentType = "application/octet-stream";
        context.Response.ContentLength = file.Bytes.Length;
        await context.Response.Body.WriteAsync(file.Bytes, context.RequestAborted);
    }
}
