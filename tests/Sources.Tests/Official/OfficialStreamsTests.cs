using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;
using MultiTrust.Sources.Official;
using MultiTrust.Sources.Storage;

namespace MultiTrust.Sources.Tests.Official;

public sealed class OfficialStreamsTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task RoundRobin_UnevenStreams_AlternateThenDrainTheLonger()
    {
        var items = new List<string>();
        await foreach (var item in OfficialStreams.RoundRobin([Items("a", 3), Items("b", 1), Items("c", 0)]))
        {
            items.Add(item);
        }

        Assert.Equal(["a0", "b0", "a1", "a2"], items);
    }

    [Fact]
    public async Task RoundRobin_StoppedEarly_DisposesEveryStream()
    {
        var disposed = new List<string>();
        var seen = 0;
        await foreach (var _ in OfficialStreams.RoundRobin([Items("a", 5, disposed), Items("b", 5, disposed)]))
        {
            if (++seen == 3)
            {
                break;
            }
        }

        Assert.Equal(["a", "b"], disposed.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ReadAsync_GeneratedImages_FollowTheReleaseImages()
    {
        var generated = await new FileBlobStore(_dir.Path).PutAsync(MultiTrust.Core.Imaging.PngEncoder.Encode(new byte[12], 2, 2, 3), "image/png", 2, 2, CancellationToken.None);
        var context = new TaskGenerationContext(7, 10, new FileBlobStore(_dir.Path)) { DataRoot = _dir.Path };
        var task = new TaskInfo("p6-pii-leakage-in-conversation", "P.6", "Privacy", "P.L", "t", ["rta"]);

        var samples = new List<Sample>();
        await foreach (var sample in new GeneratedSource(generated).ReadAsync(task, context, CancellationToken.None))
        {
            samples.Add(sample);
        }

        Assert.Equal([generated], samples.Single().Images.ToArray());
        Assert.False(samples.Single().Metadata.ContainsKey(SampleMetadataKeys.InputError));
    }

    private static async IAsyncEnumerable<string> Items(string name, int count, List<string>? disposed = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        try
        {
            for (var i = 0; i < count; i++)
            {
                await Task.Yield();
                yield return name + i;
            }
        }
        finally
        {
            disposed?.Add(name);
        }
    }

    private sealed class GeneratedSource(ImageRef image) : OfficialSource
    {
        public override IReadOnlyList<string> RequiredData => [];

        protected override async IAsyncEnumerable<OfficialItem> ItemsAsync(
            string dataRoot, TaskGenerationContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await Task.Yield();
            yield return new OfficialItem("image-typeinfo", "q", [], SampleTarget.None, ImmutableDictionary<string, string>.Empty) { GeneratedImages = [image] };
        }
    }
}
