namespace MultiTrust.Testing.OfficialFixture;

/// <summary>The fairness part of the fixture release tree.</summary>
public static class FairnessFixture
{
    public static void Write(FixtureFiles files)
    {
    }
}
