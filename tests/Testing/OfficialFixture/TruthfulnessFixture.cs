namespace MultiTrust.Testing.OfficialFixture;

/// <summary>The truthfulness part of the fixture release tree.</summary>
public static class TruthfulnessFixture
{
    public static void Write(FixtureFiles files)
    {
    }
}
