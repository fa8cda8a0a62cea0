using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using MultiTrust.Core.Records;

namespace MultiTrust.Stages.Inference.Cache;

/// <summary>
/// <see cref="IResponseCache"/> in one SQLite file (<c>&lt;out&gt;/cache/responses.sqlite</c>, see
/// <see cref="DefaultPath"/>), shared by runs and processes: one entry per (request hash, served model) — the latest
/// answer and the run that wrote it — answered within the <see cref="ResponseCacheScope"/> it was opened with. Crash-safe: WAL journal with <c>synchronous=NORMAL</c>,
/// so a crash loses at most the last uncommitted batch and never corrupts committed entries.
/// Thread-safe: puts go through a bounded queue to a single background writer that commits batches (up to
/// 500 entries, or what arrived within ~50 ms); reads use pooled connections of their own and also see puts that are
/// still queued. A fresh run's scope (its own entries only, none in the file at open) looks up only keys this instance
/// put and skips SQLite for the rest (<see cref="PutFilter"/>). <see cref="FlushAsync"/> and <see cref="DisposeAsync"/> commit everything put before them.
/// A file that is not a valid SQLite database fails with <see cref="InvalidDataException"/> naming it.
/// </summary>
public sealed partial class SqliteResponseCache : IResponseCache
{
    /// <summary>The cache file name under <c>&lt;out&gt;/cache/</c>.</summary>
    public const string FileName = "responses.sqlite";

    private const int SchemaVersion = 2;
    private const int MaxBatch = 500;
    private const int QueueCapacity = 10_000;
    private static readonly TimeSpan s_linger = TimeSpan.FromMilliseconds(50);

    private readonly string _path;
    private readonly string _readConnectionString;
    private readonly SqliteConnection _writeConnection;
    private readonly ResponseCacheScope _scope;
    private readonly string _lookupSql;
    private readonly TimeProvider _timeProvider;
    private readonly Channel<WorkItem> _queue;
    private readonly ConcurrentDictionary<string, CachedResponse> _pending = new(StringComparer.Ordinal);
    private readonly Task _writer;
    private volatile Exception? _fault;
    private volatile bool _mayAnswer;
    private readonly PutFilter? _puts;
    private int _disposed;

    private SqliteResponseCache(
        string path, string readConnectionString, SqliteConnection writeConnection, ResponseCacheScope scope, bool holdsEntries, TimeProvider timeProvider)
    {
        _path = path;
        _readConnectionString = readConnectionString;
        _writeConnection = writeConnection;
        _scope = scope;
        _mayAnswer = holdsEntries;
        // A run's own entries (no reuse) and none in the file at open: only this instance's puts can answer, as other
        // writers of the same run id are shards with other samples (see PutFilter). Shared scopes stay shared.
        _puts = holdsEntries || scope.RunId is null || scope.ReuseOtherRuns ? null : new PutFilter();
        _lookupSql =
            "SELECT status, text, finish_reason, input_tokens, output_tokens FROM responses WHERE request_hash = $hash AND served_model = $served" +
            (scope.RunId is null || scope.ReuseOtherRuns ? "" : " AND run_id = $run");
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

    /// <summary>Which entries this instance answers from and records puts for.</summary>
    public ResponseCacheScope Scope => _scope;

    /// <inheritdoc/>
    public bool MayAnswer => _mayAnswer;

    /// <summary><c>&lt;outputDirectory&gt;/cache/responses.sqlite</c>.</summary>
    public static string DefaultPath(string outputDirectory) =>
        System.IO.Path.Combine(outputDirectory, "cache", FileName);

    /// <inheritdoc cref="IResponseCache.TryGetAsync(string, CancellationToken)"/>
    public ValueTask<CachedResponse?> TryGetAsync(string requestHash, CancellationToken cancellationToken) =>
        TryGetAsync(requestHash, ServedModel.Unreported, cancellationToken);

    /// <inheritdoc cref="IResponseCache.PutAsync(string, CachedResponse, CancellationToken)"/>
    public ValueTask PutAsync(string requestHash, CachedResponse response, CancellationToken cancellationToken) =>
        PutAsync(requestHash, ServedModel.Unreported, response, cancellationToken);

    /// <inheritdoc/>
    public async ValueTask<CachedResponse?> TryGetAsync(string requestHash, string servedModel, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(requestHash);
        ArgumentNullException.ThrowIfNull(servedModel);
        ThrowIfUnusable();
        if (_pending.TryGetValue(PendingKey(requestHash, servedModel), out var pending))
        {
            return pending;
        }

        if (_puts is not null && !_puts.MayContain(requestHash))
        {
            return null;
        }

        try
        {
            await using var connection = new SqliteConnection(_readConnectionString);
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.CommandText = _lookupSql;
            command.Parameters.AddWithValue("$hash", requestHash);
            command.Parameters.AddWithValue("$served", servedModel);
            if (_scope.RunId is not null && !_scope.ReuseOtherRuns)
            {
                command.Parameters.AddWithValue("$run", _scope.RunId);
            }

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
    public async ValueTask PutAsync(string requestHash, string servedModel, CachedResponse response, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(requestHash);
        ArgumentNullException.ThrowIfNull(servedModel);
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

        _puts?.Add(requestHash);
        _pending[PendingKey(requestHash, servedModel)] = response;
        _mayAnswer = true;
        await EnqueueAsync(new WorkItem(requestHash, servedModel, response, null), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        ThrowIfUnusable();
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await EnqueueAsync(new WorkItem(null, null, null, done), cancellationToken).ConfigureAwait(false);
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

    // A request hash is 32 hex characters, so the separator cannot occur in it.
    private static string PendingKey(string requestHash, string servedModel) => requestHash + "\n" + servedModel;

    private sealed record WorkItem(string? RequestHash, string? ServedModel, CachedResponse? Response, TaskCompletionSource? Flushed);
}
