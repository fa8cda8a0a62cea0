using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using MultiTrust.Core.Records;

namespace MultiTrust.Stages.Inference.Cache;

/// <summary>
/// <see cref="IResponseCache"/> in one SQLite file (<c>&lt;out&gt;/cache/responses.sqlite</c>, see
/// <see cref="DefaultPath"/>), shared across runs and processes. Crash-safe: WAL journal with <c>synchronous=NORMAL</c>,
/// so a crash loses at most the last uncommitted batch and never corrupts committed entries.
/// Thread-safe: puts go through a bounded queue to a single background writer that commits batches (up to
/// 500 entries, or what arrived within ~50 ms); reads use pooled connections of their own and also see puts that are
/// still queued. <see cref="FlushAsync"/> and <see cref="DisposeAsync"/> commit everything put before them.
/// A file that is not a valid SQLite database fails with <see cref="InvalidDataException"/> naming it.
/// </summary>
public sealed partial class SqliteResponseCache : IResponseCache
{
    /// <summary>The cache file name under <c>&lt;out&gt;/cache/</c>.</summary>
    public const string FileName = "responses.sqlite";

    private const int SchemaVersion = 1;
    private const int MaxBatch = 500;
    private const int QueueCapacity = 10_000;
    private static readonly TimeSpan s_linger = TimeSpan.FromMilliseconds(50);

    private readonly string _path;
    private readonly string _readConnectionString;
    private readonly SqliteConnection _writeConnection;
    private readonly TimeProvider _timeProvider;
    private readonly Channel<WorkItem> _queue;
    private readonly ConcurrentDictionary<string, CachedResponse> _pending = new(StringComparer.Ordinal);
    private readonly Task _writer;
    private volatile Exception? _fault;
    private int _disposed;

    private SqliteResponseCache(string path, string readConnectionString, SqliteConnection writeConnection, TimeProvider timeProvider)
    {
        _path = path;
        _readConnectionString = readConnectionString;
        _writeConnection = writeConnection;
        _timeProvider = timeProvider;
        _queue = Channel.CreateBounded<WorkItem>(new BoundedChannelOptions(QueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _writer = Task.Run(WriteLoopAsync);
    }

    /// <summary>The cache file.</summary>
    public string Path => _path;

    /// <summary><c>&lt;outputDirectory&gt;/cache/responses.sqlite</c>.</summary>
    public static string DefaultPath(string outputDirectory) =>
        System.IO.Path.Combine(outputDirectory, "cache", FileName);

    /// <inheritdoc/>
    public async ValueTask<CachedResponse?> TryGetAsync(string requestHash, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(requestHash);
        ThrowIfUnusable();
        if (_pending.TryGetValue(requestHash, out var pending))
        {
            return pending;
        }

        try
        {
            await using var connection = new SqliteConnection(_readConnectionString);
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.CommandText =
                "SELECT status, text, finish_reason, input_tokens, output_tokens FROM responses WHERE request_hash = $hash";
            command.Parameters.AddWithValue("$hash", requestHash);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            var statusName = reader.GetString(0);
            ResponseStatus status;
            try
            {
                status = ResponseStatusNames.Parse(statusName);
            }
            catch (FormatException)
            {
                throw new InvalidDataException(
                    $"The response cache {_path} holds an unknown status '{statusName}' for request {requestHash}. " +
                    "Delete the file to start a fresh cache.");
            }

            return new CachedResponse(
                status,
                reader.IsDBNull(1) ? null : reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetInt32(3),
                reader.IsDBNull(4) ? null : reader.GetInt32(4));
        }
        catch (SqliteException ex)
        {
            throw Translate(ex, _path, "reading");
        }
    }

    /// <inheritdoc/>
    public async ValueTask PutAsync(string requestHash, CachedResponse response, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(requestHash);
        ArgumentNullException.ThrowIfNull(response);
        if (!CachedResponse.IsCacheable(response.Status))
        {
            return;
        }

        ThrowIfUnusable();
        if (!response.Status.HasText() && response.Text is not null)
        {
            response = response with { Text = null };
        }

        _pending[requestHash] = response;
        await EnqueueAsync(new WorkItem(requestHash, response, null), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        ThrowIfUnusable();
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await EnqueueAsync(new WorkItem(null, null, done), cancellationToken).ConfigureAwait(false);
        await done.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Commits pending puts and closes the file. Throws if the background writer failed.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _queue.Writer.TryComplete();
        await _writer.ConfigureAwait(false);
        await _writeConnection.DisposeAsync().ConfigureAwait(false);
        using (var pooled = new SqliteConnection(_readConnectionString))
        {
            SqliteConnection.ClearPool(pooled);
        }

        if (_fault is { } fault)
        {
            throw fault;
        }
    }

    private async ValueTask EnqueueAsync(WorkItem item, CancellationToken cancellationToken)
    {
        try
        {
            await _queue.Writer.WriteAsync(item, cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            ThrowIfUnusable();
            throw;
        }
    }

    private void ThrowIfUnusable()
    {
        if (_fault is { } fault)
        {
            throw new IOException($"The response cache {_path} is unusable: {fault.Message}", fault);
        }

        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) == 1, this);
    }

    private sealed record WorkItem(string? RequestHash, CachedResponse? Response, TaskCompletionSource? Flushed);
}
