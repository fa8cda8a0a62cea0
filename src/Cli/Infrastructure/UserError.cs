namespace MultiTrust.Cli.Infrastructure;

/// <summary>A problem the user can fix, reported as one paragraph with an exit code; never a stack trace.</summary>
public sealed class UserError(string message, int exitCode = ExitCodes.InvalidInput) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
