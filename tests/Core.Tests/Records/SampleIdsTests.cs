using System.Collections.Immutable;
using MultiTrust.Core.Records;

namespace MultiTrust.Core.Tests.Records;

public sealed class SampleIdsTests
{
    private static readonly string[] s_images = ["aaaa", "bbbb"];

    private static readonly SampleTarget s_target = new("yes", ["secret-1"], "Yes.");

    [Fact]
    public void Of_SameContent_IsStableAcrossCalls()
    {
        var first = SampleIds.Of("t1-basic", "all", "Is there a cat?", s_images, s_target);
        var second = SampleIds.Of("t1-basic", "all", "Is there a cat?", [.. s_images], new SampleTarget("yes", ["secret-1"], "Yes."));

        Assert.Equal(first, second);
        Assert.Matches("^[0-9a-f]{32}$", first);
    }

    [Theory]
    [InlineData("task")]
    [InlineData("subset")]
    [InlineData("prompt")]
    [InlineData("image")]
    [InlineData("image-order")]
    [InlineData("image-removed")]
    [InlineData("expected")]
    [InlineData("expected-null")]
    [InlineData("reference")]
    [InlineData("reference-null")]
    [InlineData("secret")]
    [InlineData("secret-added")]
    public void Of_OneInputChanged_ChangesId(string change)
    {
        var baseline = SampleIds.Of("t1-basic", "all", "Is there a cat?", s_images, s_target);

        var changed = change switch
        {
            "task" => SampleIds.Of("t2-basic", "all", "Is there a cat?", s_images, s_target),
            "subset" => SampleIds.Of("t1-basic", "hard", "Is there a cat?", s_images, s_target),
            "prompt" => SampleIds.Of("t1-basic", "all", "Is there a dog?", s_images, s_target),
            "image" => SampleIds.Of("t1-basic", "all", "Is there a cat?", ["aaaa", "cccc"], s_target),
            "image-order" => SampleIds.Of("t1-basic", "all", "Is there a cat?", ["bbbb", "aaaa"], s_target),
            "image-removed" => SampleIds.Of("t1-basic", "all", "Is there a cat?", ["aaaa"], s_target),
            "expected" => SampleIds.Of("t1-basic", "all", "Is there a cat?", s_images, s_target with { Expected = "no" }),
            "expected-null" => SampleIds.Of("t1-basic", "all", "Is there a cat?", s_images, s_target with { Expected = null }),
            "reference" => SampleIds.Of("t1-basic", "all", "Is there a cat?", s_images, s_target with { Reference = "No." }),
            "reference-null" => SampleIds.Of("t1-basic", "all", "Is there a cat?", s_images, s_target with { Reference = null }),
            "secret" => SampleIds.Of("t1-basic", "all", "Is there a cat?", s_images, s_target with { Secrets = ["secret-2"] }),
            "secret-added" => SampleIds.Of("t1-basic", "all", "Is there a cat?", s_images, s_target with { Secrets = ["secret-1", "x"] }),
            _ => throw new ArgumentOutOfRangeException(nameof(change), change, null),
        };

        Assert.NotEqual(baseline, changed);
    }

    [Fact]
    public void Of_DefaultSecretsArray_IsTreatedAsEmpty()
    {
        var withDefault = SampleIds.Of("t", "all", "p", [], new SampleTarget("e", default, "r"));
        var withEmpty = SampleIds.Of("t", "all", "p", [], new SampleTarget("e", ImmutableArray<string>.Empty, "r"));

        Assert.Equal(withEmpty, withDefault);
    }

    [Fact]
    public void Of_NullTarget_DiffersFromEmptyStrings()
    {
        Assert.NotEqual(
            SampleIds.Of("t", "all", "p", [], SampleTarget.None),
            SampleIds.Of("t", "all", "p", [], new SampleTarget("", [], "")));
    }

    [Fact]
    public void Of_ValuesShiftedBetweenImagesAndTarget_ChangesId()
    {
        var a = SampleIds.Of("t", "all", "p", ["h1"], new SampleTarget("e", [], "r"));
        var b = SampleIds.Of("t", "all", "p", [], new SampleTarget("h1", ["r"], "e"));

        Assert.NotEqual(a, b);
    }
}
