namespace MultiTrust.Testing.OfficialFixture;

/// <summary>
/// A tiny tree in the official release's exact layout (<c>../shared/reference/official-data-layout.md</c>) for all 32
/// tasks: generated images, a few annotation rows per dataset with every field the loaders read. Used by the loader
/// tests and by the end-to-end test that runs all 32 tasks. Deterministic: the same call writes the same bytes.
/// </summary>
public static class OfficialFixtureTree
{
    /// <summary>Writes the whole tree under <paramref name="root"/> and returns it.</summary>
    public static string Write(string root)
    {
        var files = new FixtureFiles(root);
        WriteShared(files);
        TruthfulnessFixture.Write(files);
        SafetyFixture.Write(files);
        RobustnessFixture.Write(files);
        FairnessFixture.Write(files);
        PrivacyFixture.Write(files);
        return root;
    }

    /// <summary>The shared unrelated-image pool: two images of each kind.</summary>
    public static void WriteShared(FixtureFiles files)
    {
        foreach (var kind in new[] { "color", "nature", "noise" })
        {
            files.Image($"unrelated_images/{kind}_1.png");
            files.Image($"unrelated_images/{kind}_2.png");
        }
    }
}
