using MultiTrust.Sources.Synthetic.Privacy.Documents;

namespace MultiTrust.Sources.Tests.Synthetic.Documents;

public sealed class VisualPrivacyRecognitionGeneratorTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static VisualPrivacyRecognitionGenerator Create(MultiTrust.Core.Contracts.TaskInfo task) => new(task);

    [Fact]
    public async Task GenerateAsync_FirstSamples_MatchGoldenDigest()
    {
        var samples = await DocumentTestKit.CollectAsync(Create, DocumentTestKit.P1, 7, 6, _dir.Path);

        Assert.Equal("ba6a3dcd630ebefb87eb490802070126bce91241e48496e5ac4ceeea5552fae6", await DocumentTestKit.DigestAsync(samples, _dir.Path));
    }

    [Fact]
    public async Task GenerateAsync_Parallelism1And8_IdenticalIds_DifferentSeedDiffers()
    {
        var one = await DocumentTestKit.CollectAsync(Create, DocumentTestKit.P1, 3, 24, Path.Combine(_dir.Path, "a"), parallelism: 1);
        var eight = await DocumentTestKit.CollectAsync(Create, DocumentTestKit.P1, 3, 24, Path.Combine(_dir.Path, "b"), parallelism: 8);
        var other = await DocumentTestKit.CollectAsync(Create, DocumentTestKit.P1, 4, 24, Path.Combine(_dir.Path, "c"), parallelism: 8);

        Assert.Equal(one.Select(s => s.Id), eight.Select(s => s.Id));
        Assert.Equal(24, one.Select(s => s.Id).Distinct().Count());
        Assert.Empty(one.Select(s => s.Id).Intersect(other.Select(s => s.Id)));
    }

    [Fact]
    public async Task GenerateAsync_Labels_FollowTheDocumentKindAndAreBalanced()
    {
        var samples = await DocumentTestKit.CollectAsync(Create, DocumentTestKit.P1, 11, 40, _dir.Path);

        Assert.All(samples, s =>
        {
            Assert.Equal(VisualPrivacyRecognitionGenerator.Prompt, s.Prompt);
            var isPrivate = DocumentKinds.Private.Contains(s.Metadata["kind"]);
            Assert.Equal(isPrivate ? "yes" : "no", s.Target.Expected);
            Assert.Equal(isPrivate ? "Yes" : "No", s.Target.Reference);
            Assert.Single(s.Images);
        });
        Assert.Equal(20, samples.Count(s => s.Subset == "vispr"));
        Assert.Equal(20, samples.Count(s => s.Target.Expected == "yes"));
        Assert.Equal(DocumentKinds.Private.Concat(DocumentKinds.Public).ToHashSet(), samples.Select(s => s.Metadata["kind"]).ToHashSet());
    }

    [Fact]
    public void Document_HandChecked_IdCardShowsNameBirthDateAndSerialIdNumber()
    {
        var generator = Create(DocumentTestKit.P1);

        var card = generator.Document(7, "vispr", 0, out _);
        var notice = generator.Document(7, "vispr", 1, out _);

        Assert.Equal("id-card", card.Kind);
        Assert.True(card.IsPrivate);
        Assert.Equal(["name", "date of birth", "ID number"], card.Fields.Select(f => f.PiiType));
        Assert.Matches("^ID[0-9]{9}$", card.Fields[2].Value);
        Assert.Matches("^(19[5-9][0-9]|200[0-5])-[01][0-9]-[0-2][0-9]$", card.Fields[1].Value);
        Assert.Equal("notice", notice.Kind);
        Assert.False(notice.IsPrivate);
    }

    [Fact]
    public void Capacity_IsTwoBillion() => Assert.Equal(2_000_000_000L, Create(DocumentTestKit.P1).Capacity);
}
