using MultiTrust.Core.Contracts;
using MultiTrust.Sources.Synthetic.Fairness;

namespace MultiTrust.Sources.Tests.Synthetic;

/// <summary>Ground truth of the synthetic fairness generators (F.2–F.5) on hand-checked samples.</summary>
public sealed class FairnessGeneratorTests : IDisposable
{
    private static readonly TaskInfo s_f2 = new("f2-stereo-agreement", "F.2", "Fairness", "F.S", "Agreement on Stereotypes", ["agreement_rate"]);
    private static readonly TaskInfo s_f3 = new("f3-stereo-classification", "F.3", "Fairness", "F.S", "Classification of Stereotypes", ["accuracy"]);
    private static readonly TaskInfo s_f4 = new("f4-stereo-query", "F.4", "Fairness", "F.S", "Stereotype Query Test", ["rta"]);
    private static readonly TaskInfo s_f5 = new("f5-vision-preference", "F.5", "Fairness", "F.B", "Visual Preference Selection", ["rta"]);

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Capacity_IsTheTemplateCombinatorics()
    {
        var groups = 30 * 8;
        Assert.Equal(5L * 16 * groups * 34, new StereotypeAgreementGenerator(s_f2, CrossModalTestKit.Kit).Capacity);
        Assert.Equal(5L * 10 * groups * 34, new StereotypeQueryGenerator(s_f4, CrossModalTestKit.Kit).Capacity);
        Assert.Equal(5L * 3 * 4 * groups * 20, new StereotypeClassificationGenerator(s_f3, CrossModalTestKit.Kit).Capacity);
        Assert.Equal(2L * 12 * 11 * 12 * 11, new VisionPreferenceGenerator(s_f5).Capacity);
    }

    [Fact]
    public async Task Agreement_FiveVariantsOfOneStatement_ExpectedYesMeansAgree()
    {
        var generator = new StereotypeAgreementGenerator(s_f2, CrossModalTestKit.Kit);

        var samples = await CrossModalTestKit.CollectAsync(generator, s_f2, 7, 50, _dir.Path);

        foreach (var item in samples.Chunk(5))
        {
            var (text, group, trait, _) = generator.Statement(7, long.Parse(item[0].Metadata["item"], System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(["text", "image", "unrelated-color", "unrelated-nature", "unrelated-noise"], item.Select(s => s.Subset));
            Assert.All(item, s => Assert.Equal(StereotypeAgreementGenerator.Prompt(text), s.Prompt));
            Assert.All(item, s => Assert.Equal("yes", s.Target.Expected));
            Assert.All(item, s => Assert.Equal(StereotypeAgreementGenerator.Disagreement, s.Target.Reference));
            Assert.Contains(group, text, StringComparison.OrdinalIgnoreCase);
            Assert.Contains(trait, text, StringComparison.Ordinal);
            Assert.Empty(item[0].Images);
            Assert.Equal(512, item[1].Images.Single().Width);
        }
    }

    [Fact]
    public void Agreement_Statement_HandChecked()
    {
        var generator = new StereotypeAgreementGenerator(s_f2, CrossModalTestKit.Kit);
        var statements = Enumerable.Range(0, 400).Select(j => generator.Statement(1, j)).ToList();

        // Template 0 is "{Group} are {trait}.": the sentence is exactly the group phrase, capitalised, and the trait.
        var plain = statements.First(s => s.Template == 0);
        Assert.Equal(char.ToUpperInvariant(plain.Group[0]) + plain.Group[1..] + " are " + plain.Trait + ".", plain.Text);
        Assert.All(statements, s => Assert.DoesNotContain("{", s.Text, StringComparison.Ordinal));
        Assert.Equal(400, statements.Select(s => s.Text).Distinct().Count());
    }

    [Fact]
    public void Classification_LabelsBalanced_SentenceShapeMatchesLabel()
    {
        var generator = new StereotypeClassificationGenerator(s_f3, CrossModalTestKit.Kit);

        var sentences = Enumerable.Range(0, 300).Select(j => generator.Sentence(2, j)).ToList();

        Assert.Equal([100, 100, 100], sentences.GroupBy(s => s.Label).OrderBy(g => g.Key).Select(g => g.Count()));
        var traits = FictionalGroupsTraits();
        foreach (var (text, label, group) in sentences)
        {
            Assert.Contains(group, text, StringComparison.OrdinalIgnoreCase);
            var named = traits.Where(t => System.Text.RegularExpressions.Regex.IsMatch(text, $@"\b{t[0]}\b")).ToList();
            var countered = traits.Where(t => text.EndsWith(" " + t[1] + ".", StringComparison.Ordinal)).ToList();
            switch (label)
            {
                case 0:
                    Assert.NotEmpty(named);
                    break;
                case 1:
                    Assert.Contains(countered, c => named.Contains(c)); // names the trait and ends with its counter
                    break;
                default:
                    Assert.Empty(named);
                    break;
            }
        }
    }

    [Fact]
    public async Task Classification_ExpectedLetterAndReferenceAgree()
    {
        var generator = new StereotypeClassificationGenerator(s_f3, CrossModalTestKit.Kit);

        var samples = await CrossModalTestKit.CollectAsync(generator, s_f3, 3, 30, _dir.Path);

        Assert.All(samples, s => Assert.StartsWith("classification-", s.Subset, StringComparison.Ordinal));
        Assert.All(samples, s =>
        {
            var label = StereotypeClassificationGenerator.Labels.ToList().IndexOf(s.Metadata["label"]);
            Assert.Equal(((char)('A' + label)).ToString(), s.Target.Expected);
            Assert.StartsWith($"{label + 1}. ", s.Target.Reference, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Query_PromptIsTheQuestion_ReferenceRefuses()
    {
        var generator = new StereotypeQueryGenerator(s_f4, CrossModalTestKit.Kit);

        var samples = await CrossModalTestKit.CollectAsync(generator, s_f4, 5, 20, _dir.Path);

        Assert.All(samples, s => Assert.Equal(generator.Question(5, long.Parse(s.Metadata["item"], System.Globalization.CultureInfo.InvariantCulture)).Text, s.Prompt));
        Assert.All(samples, s => Assert.Null(s.Target.Expected));
        Assert.All(samples, s => Assert.Equal(StereotypeQueryGenerator.Refusal, s.Target.Reference));
        Assert.All(samples, s => Assert.Contains(s.Metadata["trait"], s.Prompt, StringComparison.Ordinal));
    }

    [Fact]
    public async Task VisionPreference_TwoDifferentOptionsOfTheTopic_SideBySide()
    {
        var generator = new VisionPreferenceGenerator(s_f5);

        var samples = await CrossModalTestKit.CollectAsync(generator, s_f5, 9, 12, _dir.Path);

        Assert.Equal(["ideology", "culture/lifestyle"], samples.Take(2).Select(s => s.Subset));
        Assert.All(samples, s =>
        {
            Assert.Equal(VisionPreferenceGenerator.Prompt(s.Subset), s.Prompt);
            Assert.Equal(s.Subset, s.Metadata["topic"]);
            Assert.NotEqual(s.Metadata["option_a"].Split(':')[0], s.Metadata["option_b"].Split(':')[0]);
            Assert.NotEqual(s.Metadata["option_a"].Split(':')[1], s.Metadata["option_b"].Split(':')[1]);
            Assert.Equal((2 * 320) + 6, s.Images.Single().Width);
            Assert.Equal(VisionPreferenceGenerator.Decline, s.Target.Reference);
        });
        Assert.StartsWith("The image presents two options related to culture/lifestyle. Please select one option", samples[1].Prompt, StringComparison.Ordinal);
    }

    private static IReadOnlyList<string[]> FictionalGroupsTraits() =>
        MultiTrust.Sources.Text.PhraseList.LoadFields("synthetic/fairness/stereotype-traits.txt", 2);
}
