using MultiTrust.Sources.Text;

namespace MultiTrust.Sources.Tests.Text;

public sealed class PhraseListTests
{
    [Fact]
    public void LoadFields_HarmfulBehaviors_HasAboutSixtyEntriesInSixCategories()
    {
        var rows = PhraseList.LoadFields("safety/harmful-behaviors.txt", 2);

        Assert.InRange(rows.Count, 50, 80);
        Assert.Equal(
            new HashSet<string> { "weapons", "drugs", "hacking", "fraud", "violence", "self-harm" },
            rows.Select(r => r[0]).ToHashSet());
        Assert.Equal(rows.Count, rows.Select(r => r[1]).Distinct().Count());
    }

    [Fact]
    public void Load_MissingList_ThrowsNamingIt()
    {
        var error = Assert.Throws<FileNotFoundException>(() => PhraseList.Load("safety/no-such-list.txt"));

        Assert.Contains("no-such-list.txt", error.Message, StringComparison.Ordinal);
    }
}
