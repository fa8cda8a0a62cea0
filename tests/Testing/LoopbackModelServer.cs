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
/// A real Kestrel server on 127.0.0.1 (random port) that implements the OpenAI chat-completions endpoint
/// (<c>POST {BaseUrl}/chat/completions</c>, non-streaming) for tests and benchmarks, and the same on the wire formats of
/// Azure OpenAI, Anthropic Messages and Gemini generateContent (see <see cref="WireDialect"/>; errors, safety blocks and
/// token-limit stops in each API's own shape). It records every request, answers
/// deterministically from the prompt (or via <see cref="Reply"/>) and misbehaves on demand through <see cref="Faults"/>.
/// All members are thread-safe. Without faults it answers with no added latency.
/// </summary>
public sealed partial class LoopbackModelServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly LoopbackModelServerOptions _options;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly ConcurrentDictionary<string, int> _countsByBody = new(StringComparer.Ordinal);
    private volatile Func<RecordedRequest, string>? _reply;
    private volatile string? _servedModel;
    private volatile string? _systemFingerprint;
    private volatile RecordedRequest? _lastRequest;
    private long _totalRequests;
    private int _inFlight;
    private int _maxInFlight;
    private int _disposed;

    private LoopbackModelServer(WebApplication app, LoopbackModelServerOptions options)
    {
        _app = app;
        _options = options;
    }

    /// <summary>The base URL clients use, for example <c>http://127.0.0.1:41234/v1</c> (no trailing slash).</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>The faults to inject; empty by default.</summary>
    public FaultPlan Faults { get; } = new();

    /// <summary>Computes the assistant text for a request; null (the default) uses <see cref="DefaultReply"/>.</summary>
    public Func<RecordedRequest, string>? Reply
    {
        get => _reply;
        set => _reply = value;
    }

    /// <summary>
    /// The <c>model</c> chat completions report; null (the default) echoes the requested model. Set it to stand in for a
    /// server that serves other weights under a name (vLLM's <c>--served-model-name</c>) or reports its loaded model.
    /// </summary>
    public string? ServedModel
    {
        get => _servedModel;
        set => _servedModel = value;
    }

    /// <summary>The <c>system_fingerprint</c> chat completions report; null (the default) writes none.</summary>
    public string? SystemFingerprint
    {
        get => _systemFingerprint;
        set => _systemFingerprint = value;
    }

    /// <summary>Requests received so far (every request, including faulted and unparseable ones).</summary>
    public long TotalRequests => Interlocked.Read(ref _totalRequests);

    /// <summary>Requests being served right now.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>The largest number of requests that were in flight at once.</summary>
    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    /// <summary>The most recent request, or null.</summary>
    public RecordedRequest? LastRequest => _lastRequest;

    /// <summary>A snapshot of the recorded requests in arrival order (empty when recording is off).</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            var snapshot = _requests.ToArray();
            Array.Sort(snapshot, static (a, b) => a.Sequence.CompareTo(b.Sequence));
            return snapshot;
        }
    }

    /// <summary>The Gemini base URL, e.g. <c>http://127.0.0.1:41234/v1beta</c>.</summary>
    public Uri GeminiBaseUrl => new(RootUrl, "/v1beta");

    /// <summary>Starts a server on <c>http://127.0.0.1:0</c> and returns once it listens.</summary>
    public static async Task<LoopbackModelServer> StartAsync(
        LoopbackModelServerOptions? options = null, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = 256L * 1024 * 1024;
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new LoopbackModelServer(app, options ?? new LoopbackModelServerOptions());
        app.Run(server.HandleAsync);
        await app.StartAsync(cancellationToken);

        var addresses = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
        var address = addresses.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Kestrel reported no bound address for http://127.0.0.1:0.");
        server.BaseUrl = new Uri(address.TrimEnd('/') + "/v1");
        return server;
    }

    /// <summary>The default answer: <c>"Echo: " + LastUserText</c>, deterministic for a given prompt.</summary>
    public static string DefaultReply(RecordedRequest request) => "Echo: " + (request.LastUserText ?? string.Empty);

    /// <summary>How many requests had exactly this body (lower-case hex SHA-256); 0 when recording is off.</summary>
    public int RequestCountForBody(string bodySha256) =>
        _countsByBody.TryGetValue(bodySha256, out var count) ? count : 0;

    /// <summary>Resets <see cref="MaxInFlight"/> to the current in-flight count.</summary>
    public void ResetMaxInFlight() => Volatile.Write(ref _maxInFlight, Volatile.Read(ref _inFlight));

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stopping.CancelAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await _app.StopAsync(timeout.Token);
        }
        finally
        {
            await _app.DisposeAsync();
            _stopping.Dispose();
        }
    }

    private void Record(RecordedRequest request)
    {
        _lastRequest = request;
        if (_options.RecordRequests)
        {
            _requests.Enqueue(request);
            _countsByBody.AddOrUpdate(request.BodySha256, 1, static (_, count) => count + 1);
        }
    }

    private void EnterRequest()
    {
        var current = Interlocked.Increment(ref _inFlight);
        var max = Volatile.Read(ref _maxInFlight);
        while (current > max)
        {
            var seen = Interlocked.CompareExchange(ref _maxInFlight, current, max);
            if (seen == max)
            {
                break;
            }

            max = seen;
        }
    }

    private void ExitRequest() => Interlocked.Decrement(ref _inFlight);
}
