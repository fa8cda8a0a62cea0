using MultiTrust.Core.Contracts;

namespace MultiTrust.Tasks;

/// <summary>One row of the task listing.</summary>
/// <param name="Info">The protocol's task facts; <see cref="TaskInfo.Metrics"/> are the metrics the protocol reports.</param>
/// <param name="IsImplemented">True when this project can run the task on at least one suite.</param>
/// <param name="Coverage">What this project runs for the task per suite, or what a faithful run needs that is not available yet.</param>
/// <param name="ReportedMetrics">Metrics this project reports for the task (empty when not implemented).</param>
public sealed record TaskCatalogEntry(TaskInfo Info, bool IsImplemented, string Coverage, IReadOnlyList<string> ReportedMetrics)
{
    /// <summary>The suites the task runs on (<c>official</c>, <c>synthetic</c>); empty when not implemented.</summary>
    public IReadOnlyList<string> Suites { get; init; } = [];
}
