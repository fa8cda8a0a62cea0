namespace MultiTrust.Cli.Infrastructure;

/// <summary>
/// Two-stage shutdown: the first Ctrl+C / SIGTERM requests a graceful stop (no new work; requests in flight finish or
/// time out; completed work is committed), the second aborts requests in flight (still committing what is complete).
/// A stop escalates to an abort by itself after <see cref="GracePeriod"/>, so a retrying request cannot hold the process
/// past an orchestrator's termination grace (Kubernetes sends SIGKILL 30 s after SIGTERM by default).
/// </summary>
public sealed class ShutdownSignals(TimeSpan gracePeriod) : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly CancellationTokenSource _abort = new();

    public ShutdownSignals()
        : this(TimeSpan.FromSeconds(20))
    {
    }

    /// <summary>How long requests in flight may run after a stop before they are aborted.</summary>
    public TimeSpan GracePeriod { get; } = gracePeriod;

    public CancellationToken Stop => _stop.Token;

    public CancellationToken Abort => _abort.Token;

    /// <summary>Escalates one stage; returns the stage now in force (1 = stop, 2 = abort).</summary>
    public int Signal()
    {
        if (!_stop.IsCancellationRequested)
        {
            _stop.Cancel();
            _abort.CancelAfter(GracePeriod);
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
