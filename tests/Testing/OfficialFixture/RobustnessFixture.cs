namespace MultiTrust.Testing.OfficialFixture;

/// <summary>The robustness part of the fixture release tree.</summary>
public static class RobustnessFixture
{
    public static void Write(FixtureFiles files)
    {
    }
}
