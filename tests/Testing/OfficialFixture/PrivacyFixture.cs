namespace MultiTrust.Testing.OfficialFixture;

/// <summary>The privacy part of the fixture release tree.</summary>
public static class PrivacyFixture
{
    public static void Write(FixtureFiles files)
    {
    }
}
