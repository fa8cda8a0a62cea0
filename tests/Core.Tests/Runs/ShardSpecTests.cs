using MultiTrust.Core.Runs;

namespace MultiTrust.Core.Tests.Runs;

public sealed class ShardSpecTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    public void Includes_AnySampleId_BelongsToExactlyOneShard(int count)
    {
        var shards = Enumerable.Range(0, count).Select(k => new ShardSpec(k, count)).ToList();
        var ids = Enumerable.Range(0, 3000).Select(i => $"t1-basic:{i:x8}").ToList();

        var owners = ids.Select(id => shards.Count(s => s.Includes(id))).ToList();
        var perShard = shards.Select(s => ids.Count(s.Includes)).ToList();

        Assert.All(owners, n => Assert.Equal(1, n));
        Assert.All(perShard, n => Assert.InRange(n, 3000 / count * 8 / 10, 3000 / count * 12 / 10));
    }

    [Fact]
    public void Of_SameIdAndCount_SameShardEveryTime()
    {
        Assert.Equal(ShardSpec.Of("p6:abc", 5), ShardSpec.Of("p6:abc", 5));
        Assert.Equal(new ShardSpec(ShardSpec.Of("p6:abc", 5), 5), new ShardSpec(ShardSpec.Of("p6:abc", 5), 5));
    }

    [Theory]
    [InlineData("0/1", 0, 1)]
    [InlineData("2/3", 2, 3)]
    public void TryParse_KSlashN_IndexAndCount(string text, int index, int count)
    {
        Assert.True(ShardSpec.TryParse(text, out var shard, out _));
        Assert.Equal((index, count), (shard!.Index, shard.Count));
        Assert.Equal(text, shard.ToString());
    }

    [Theory]
    [InlineData("3/3", "between 0 and 2")]
    [InlineData("0/0", "between 1 and")]
    [InlineData("-1/3", "not a shard")]
    [InlineData("1", "not a shard")]
    [InlineData("a/b", "not a shard")]
    public void TryParse_Invalid_FalseWithAMessage(string text, string message)
    {
        Assert.False(ShardSpec.TryParse(text, out var shard, out var error));
        Assert.Null(shard);
        Assert.Contains(message, error);
    }
}
