namespace MultiTrust.Cli.Infrastructure;

/// <summary>
/// Two-stage shutdown: the first Ctrl+C / SIGTERM requests a graceful stop (no new work; requests in flight finish or
/// time out; completed work is committed), the second aborts requests in flight (still committing what is complete).
/// </summary>
public sealed class ShutdownSignals : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly CancellationTokenSource _abort = new();

    public CancellationToken Stop => _stop.Token;

    public CancellationToken Abort => _abort.Token;

    /// <summary>Escalates one stage; returns the stage now in force (1 = stop, 2 = abort).</summary>
    public int Signal()
    {
        if (!_stop.IsCancellationRequested)
        {
            _stop.Cancel();
            return 1;
        }

        _abort.Cancel();
        return 2;
    }

    public void Dispose()
    {
        _stop.Dispose();
        _abort.Dispose();
    }
}
