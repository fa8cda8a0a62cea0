using System.Reflection;
using System.Runtime.CompilerServices;
using MultiTrust.Core.Randomness;
using MultiTrust.Core.Statistics;
using MultiTrust.Engine;
using MultiTrust.Sinks.Compare;
using MultiTrust.Sources.Synthetic;
using MultiTrust.Stages.Inference;
using MultiTrust.Tasks;

namespace MultiTrust.Cli.Tests.Architecture;

/// <summary>
/// The layering of the projects, read from the compiled assemblies' references, and one home per concept: seeded
/// randomness only in <c>MultiTrust.Core.Randomness</c>, statistics only in <c>MultiTrust.Core.Statistics</c>, run
/// comparison only in <c>MultiTrust.Sinks.Compare</c>.
/// </summary>
public sealed class LayeringTests
{
    private static readonly Assembly s_core = typeof(SeededRandom).Assembly;
    private static readonly Assembly s_engine = typeof(EvaluationEngine).Assembly;
    private static readonly Assembly s_sources = typeof(SyntheticSource).Assembly;
    private static readonly Assembly s_stages = typeof(ModelInvoker).Assembly;
    private static readonly Assembly s_sinks = typeof(RunComparer).Assembly;
    private static readonly Assembly s_tasks = typeof(TaskCatalog).Assembly;

    [Fact]
    public void Core_ReferencesNoneOfOurAssemblies()
    {
        Assert.Empty(OurReferences(s_core));
    }

    [Fact]
    public void Engine_ReferencesOnlyCore()
    {
        Assert.Equal(["MultiTrust.Core"], OurReferences(s_engine));
    }

    [Fact]
    public void Sources_ReferencesOnlyCore()
    {
        Assert.Equal(["MultiTrust.Core"], OurReferences(s_sources));
    }

    [Fact]
    public void Stages_ReferencesOnlyCore()
    {
        Assert.Equal(["MultiTrust.Core"], OurReferences(s_stages));
    }

    [Fact]
    public void Sinks_ReferencesOnlyCore()
    {
        Assert.Equal(["MultiTrust.Core"], OurReferences(s_sinks));
    }

    [Fact]
    public void Tasks_DoesNotReferenceEngineOrSinks()
    {
        var references = OurReferences(s_tasks);

        Assert.DoesNotContain("MultiTrust.Engine", references);
        Assert.DoesNotContain("MultiTrust.Sinks", references);
    }

    [Fact]
    public void SeededGeneratorsAndPermutations_LiveOnlyInCoreRandomness()
    {
        var strays = Types()
            .Where(t => t.Name.EndsWith("Random", StringComparison.Ordinal) || t.Name.Contains("Permutation", StringComparison.Ordinal)
                || t.Name.Contains("SplitMix", StringComparison.Ordinal) || t.Name.Contains("Xoshiro", StringComparison.Ordinal)
                || t.Name.Contains("Feistel", StringComparison.Ordinal))
            .Where(t => t.Namespace != typeof(SeededRandom).Namespace)
            .Select(t => t.FullName)
            .ToList();

        Assert.Empty(strays);
    }

    [Fact]
    public void StatisticsNamespaces_OnlyInCore()
    {
        var strays = Types()
            .Where(t => t.Namespace?.Split('.').Contains("Statistics") == true && t.Namespace != typeof(ConfidenceInterval).Namespace)
            .Select(t => t.FullName)
            .ToList();

        Assert.Empty(strays);
    }

    [Fact]
    public void ComparisonTypes_OnlyInSinksCompare()
    {
        var strays = Types()
            .Where(t => t.Namespace?.Split('.').Contains("Comparison") == true)
            .Select(t => t.FullName)
            .ToList();

        Assert.Empty(strays);
    }

    [Fact]
    public void Check_SeesEveryProject()
    {
        Assert.Equal(
            ["MultiTrust.Core", "MultiTrust.Engine", "MultiTrust.Sinks", "MultiTrust.Sources", "MultiTrust.Stages", "MultiTrust.Tasks"],
            Assemblies().Select(a => a.GetName().Name!).Order(StringComparer.Ordinal));
    }

    private static IEnumerable<Assembly> Assemblies() => [s_core, s_engine, s_sources, s_stages, s_sinks, s_tasks];

    private static IEnumerable<Type> Types() =>
        Assemblies().SelectMany(a => a.GetTypes()).Where(t => !t.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false) && !t.Name.StartsWith('<'));

    private static List<string> OurReferences(Assembly assembly) =>
        [.. assembly.GetReferencedAssemblies()
            .Select(r => r.Name!)
            .Where(n => n.StartsWith("MultiTrust.", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)];
}
