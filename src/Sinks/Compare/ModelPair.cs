namespace MultiTrust.Sinks.Compare;

/// <summary>A model of run A compared with a model of run B.</summary>
public sealed record ModelPair(string ModelA, string ModelB);
