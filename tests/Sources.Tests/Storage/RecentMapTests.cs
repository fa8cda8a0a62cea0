using MultiTrust.Sources.Storage;

namespace MultiTrust.Sources.Tests.Storage;

public sealed class RecentMapTests
{
    [Fact]
    public void Add_PastCapacity_ForgetsTheOldest()
    {
        var recent = new RecentMap<string>(maxCount: 3);
        foreach (var i in Enumerable.Range(0, 5))
        {
            recent.Add($"sha{i}", $"address{i}");
        }

        Assert.Equal([null, null, "address2", "address3", "address4"], Enumerable.Range(0, 5).Select(i => recent.Find($"sha{i}")));
    }

    [Fact]
    public void Add_PastTheWeight_ForgetsTheOldestUntilItFits()
    {
        var recent = new RecentMap<byte[]>(maxCount: 100, maxWeight: 10, weightOf: b => b.Length);
        recent.Add("a", new byte[4]);
        recent.Add("b", new byte[4]);
        recent.Add("c", new byte[4]);

        Assert.Equal([null, 4, 4], new[] { "a", "b", "c" }.Select(k => recent.Find(k)?.Length));
    }
}
