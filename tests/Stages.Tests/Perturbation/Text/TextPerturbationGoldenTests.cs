using MultiTrust.Stages.Perturbation.Text;

namespace MultiTrust.Stages.Tests.Perturbation.Text;

/// <summary>Exact outputs at a fixed seed: a change here changes every perturbed variant (bump the Version).</summary>
public sealed class TextPerturbationGoldenTests
{
    private const string Prompt = "Is there a red car in the image? Please answer with [Yes] or [No].";

    [Theory]
    [InlineData("typos", "I three az ded car in the iage? Please answer with [Yes] or [No].")]
    [InlineData("casing", "IS tHere a red car in The IMage? Please ansWEr wiTh [Yes] OR [No].")]
    [InlineData("whitespace", "Is  there\ta red   c ar\nin the image?  Please answer\nwit h [Yes]   or [No].")]
    [InlineData("homoglyphs", "Is t\u04BB\u0435re a red \u0441ar in t\u04BBe image? Ple\u0430s\u0435 answer with [Yes] or [No].")]
    [InlineData("leetspeak", "I$ 7here a red car in 7he 1mag3? P13a53 4nswer w1th [Yes] or [No].")]
    [InlineData("paraphrase", "Is there a red car in the image? Kindly answer with [Yes] or [No].")]
    public void Apply_Severity3Seed42_MatchesGolden(string name, string expected)
    {
        Assert.Equal(expected, TextPerturbationCatalog.Get(name).Apply(Prompt, 3, 42));
    }

    [Theory]
    [InlineData("typos", 1, "{\"rate\":0.03}")]
    [InlineData("typos", 5, "{\"rate\":0.2}")]
    [InlineData("casing", 5, "{\"flip_rate\":0.45,\"word_caps_rate\":0.3}")]
    [InlineData("whitespace", 3, "{\"space_rate\":0.35,\"split_rate\":0.03}")]
    [InlineData("homoglyphs", 2, "{\"rate\":0.2}")]
    [InlineData("leetspeak", 4, "{\"rate\":0.6}")]
    [InlineData("paraphrase", 1, "{\"rule_probability\":0.2}")]
    public void Parameters_Severity_MatchesDocumentedTable(string name, int severity, string json)
    {
        Assert.Equal(json, System.Text.Json.JsonSerializer.Serialize(TextPerturbationCatalog.Get(name).Parameters(severity)));
    }
}
