namespace MultiTrust.Core.Contracts;

/// <summary>The two sample suites: the user's copy of the official release, or seeded synthetic generators.</summary>
public static class TaskSuites
{
    /// <summary>The official MultiTrust release read from a data root; same prompts as the protocol, score-comparable.</summary>
    public const string Official = "official";

    /// <summary>Procedural, seeded, offline data; scores are not comparable to the paper's.</summary>
    public const string Synthetic = "synthetic";

    public static IReadOnlyList<string> All { get; } = [Official, Synthetic];

    public static bool IsKnown(string suite) => suite is Official or Synthetic;
}
