namespace MultiTrust.Testing.OfficialFixture;

/// <summary>The safety part of the fixture release tree.</summary>
public static class SafetyFixture
{
    public static void Write(FixtureFiles files)
    {
    }
}
