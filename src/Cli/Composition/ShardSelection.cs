using System.Globalization;
using MultiTrust.Cli.Infrastructure;
using MultiTrust.Core.Runs;

namespace MultiTrust.Cli.Composition;

/// <summary>
/// Which shard a <c>run</c> writes: <c>--shard k/N</c>, else Kubernetes' <c>JOB_COMPLETION_INDEX</c> (which an Indexed Job
/// sets in every pod) of <c>JOB_COMPLETIONS</c> or <c>MULTITRUST_SHARDS</c> (which the manifest sets to the completions
/// count), else none (the whole run).
/// </summary>
internal static class ShardSelection
{
    private const string IndexVariable = EnvironmentVariables.JobCompletionIndex;
    private const string CountVariable = EnvironmentVariables.JobCompletions;
    private const string FallbackCountVariable = EnvironmentVariables.Shards;

    public static ShardSpec? Resolve(string? option, Func<string, string?> environment)
    {
        if (option is not null)
        {
            return ShardSpec.TryParse(option, out var fromOption, out var error)
                ? fromOption
                : throw new UserError($"--shard: {error}.", ExitCodes.InvalidInput);
        }

        var index = Value(environment, IndexVariable);
        if (index is null)
        {
            return null;
        }

        var countName = Value(environment, CountVariable) is not null ? CountVariable : FallbackCountVariable;
        var count = Value(environment, countName) ?? throw new UserError(
            $"{IndexVariable}={index} is set but the shard count is not: set {CountVariable} (or {FallbackCountVariable}) to the " +
            "Job's completions, or pass --shard k/N.", ExitCodes.InvalidInput);
        if (!int.TryParse(index, NumberStyles.None, CultureInfo.InvariantCulture, out var k))
        {
            throw new UserError($"{IndexVariable}='{index}' is not a shard index (a whole number from 0).", ExitCodes.InvalidInput);
        }

        if (!int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            throw new UserError($"{countName}='{count}' is not a shard count (a whole number from 1).", ExitCodes.InvalidInput);
        }

        return ShardSpec.TryCreate(k, n, out var shard, out var rangeError)
            ? shard
            : throw new UserError($"{IndexVariable}={k}, {countName}={n}: {rangeError}.", ExitCodes.InvalidInput);
    }

    private static string? Value(Func<string, string?> environment, string name) =>
        environment(name) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
