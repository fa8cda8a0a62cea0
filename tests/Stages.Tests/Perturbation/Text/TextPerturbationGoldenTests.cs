using MultiTrust.Stages.Perturbation.Text;

namespace MultiTrust.Stages.Tests.Perturbation.Text;

/// <summary>Exact outputs at a fixed seed: a change here changes every perturbed variant (bump the Version).</summary>
public sealed class TextPerturbationGoldenTests
{
    private const string Prompt = "Is there a red car in the image? Please answer with [Yes] or [No].";

    [Theory]
    [InlineData("typos", "Is therew a rec caf in thje iamge? Pldase answer wiht [Yes] or [No].")]
    [InlineData("casing", "IS theRe a red cAr in thE imaGe? PLeAsE aNswer with [Yes] or [No].")]
    [InlineData("whitespace", "Is there\ta red car in the image? Please   answer\twith[Yes]  or [No].")]
    [InlineData("homoglyphs", "\u0399\u0455 t\u04BBere \u0430 red car \u0456n t\u04BBe \u0456m\u0430ge? \u0420lea\u0455e answ\u0435r with [Yes] or [No].")]
    [InlineData("leetspeak", "15 7here a red car in the im4g3? P13as3 answer wi7h [Yes] or [No].")]
    [InlineData("paraphrase", "Does the picture contain a red car? Kindly answer with [Yes] or [No].")]
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
