using MultiTrust.Core.Contracts;

namespace MultiTrust.Tasks;

/// <summary>One row of the task listing.</summary>
/// <param name="Info">The protocol's task facts; <see cref="TaskInfo.Metrics"/> are the metrics the protocol reports.</param>
/// <param name="IsImplemented">True when this project can run the task now (<see cref="TaskCatalog.TryGet"/> returns it).</param>
/// <param name="Coverage">What this project runs for the task, or what a faithful run needs that is not available yet.</param>
/// <param name="ReportedMetrics">Metrics this project reports for the task (empty when not implemented).</param>
public sealed record TaskCatalogEntry(TaskInfo Info, bool IsImplemented, string Coverage, IReadOnlyList<string> ReportedMetrics);
