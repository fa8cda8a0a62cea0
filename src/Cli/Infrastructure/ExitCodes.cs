namespace MultiTrust.Cli.Infrastructure;

/// <summary>Process exit codes (documented in docs/cli.md).</summary>
public static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Ok = 0;

    /// <summary>The run or command failed at run time (unwritable output, unreachable endpoint, disk full, SQL error).</summary>
    public const int Failed = 1;

    /// <summary>Invalid input: bad arguments, malformed or invalid pipeline file, unknown task, provider or run.</summary>
    public const int InvalidInput = 2;

    /// <summary><c>status</c> of a run that is not complete, or <c>report</c> of a sharded run whose shards are not all complete.</summary>
    public const int Incomplete = 3;

    /// <summary>Interrupted by Ctrl+C / SIGTERM; completed work is committed and the same command resumes.</summary>
    public const int Interrupted = 130;
}
