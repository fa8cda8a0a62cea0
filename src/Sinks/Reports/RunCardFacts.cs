using System.Globalization;
using MultiTrust.Core.Runs;

namespace MultiTrust.Sinks.Reports;

/// <summary>Key facts of a run card (<c>run.json</c>) for the report header.</summary>
public sealed record RunCardFacts(
    string? PipelineName,
    string? Suite,
    string? ConfigHash,
    long? Seed,
    IReadOnlyList<string> Models,
    IReadOnlyList<string> Tasks,
    string? ToolVersion,
    string? GitCommit,
    string? Host,
    DateTimeOffset? StartedUtc,
    DateTimeOffset? FinishedUtc)
{
    public static RunCardFacts Empty { get; } = new(null, null, null, null, [], [], null, null, null, null, null);

    /// <summary>True when some task of the run used the synthetic suite (suite <c>synthetic</c> or <c>mixed</c>).</summary>
    public bool IsSynthetic => string.Equals(Suite, "synthetic", StringComparison.OrdinalIgnoreCase) || string.Equals(Suite, "mixed", StringComparison.OrdinalIgnoreCase);

    /// <summary>The facts of a run card.</summary>
    public static RunCardFacts From(RunCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        var host = string.Create(
            CultureInfo.InvariantCulture,
            $"{card.Host.Machine} ({card.Host.Os}, {card.Host.Cpus} CPUs, {card.Host.Dotnet})");
        return new RunCardFacts(
            card.Pipeline,
            card.Suite,
            card.ConfigHash,
            card.Config.Seed,
            [.. card.Config.Models.Select(m => m.Id)],
            [.. card.Config.Tasks.Select(t => t.Id)],
            card.ToolVersion,
            card.GitCommit,
            host,
            card.StartedUtc,
            card.FinishedUtc);
    }
}
