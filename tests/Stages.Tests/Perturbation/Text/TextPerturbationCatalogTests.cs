using MultiTrust.Stages.Perturbation.Text;

namespace MultiTrust.Stages.Tests.Perturbation.Text;

public sealed class TextPerturbationCatalogTests
{
    [Fact]
    public void Names_ShippedPerturbations_InDocumentationOrder()
    {
        Assert.Equal(["typos", "casing", "whitespace", "homoglyphs", "leetspeak", "paraphrase"], TextPerturbationCatalog.Names);
    }

    [Fact]
    public void TryGet_KnownName_ReturnsIt()
    {
        Assert.True(TextPerturbationCatalog.TryGet("leetspeak", out var perturbation));
        Assert.IsType<LeetspeakPerturbation>(perturbation);
    }

    [Fact]
    public void TryGet_UnknownOrWrongCase_ReturnsFalse()
    {
        Assert.False(TextPerturbationCatalog.TryGet("Typos", out _));
        Assert.False(TextPerturbationCatalog.TryGet("blur", out _));
    }

    [Fact]
    public void Get_UnknownName_ThrowsListingValidNames()
    {
        var error = Assert.Throws<ArgumentException>(() => TextPerturbationCatalog.Get("blur"));

        Assert.Contains("'blur'", error.Message, StringComparison.Ordinal);
        Assert.Contains("typos, casing, whitespace, homoglyphs, leetspeak, paraphrase", error.Message, StringComparison.Ordinal);
    }
}
