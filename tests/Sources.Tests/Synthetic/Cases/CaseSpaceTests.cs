using MultiTrust.Sources.Synthetic.Cases;

namespace MultiTrust.Sources.Tests.Synthetic.Cases;

public sealed class CaseSpaceTests
{
    private static readonly CaseSpace s_space = new([new CasePart("a", 3, 3), CasePart.Capped("b", 1000, 5), new CasePart("c", 2, 2)]);

    [Fact]
    public void Size_SumOfUsedSizes()
    {
        Assert.Equal(10, s_space.Size);
        Assert.Equal(5, s_space.Parts[1].Size);
    }

    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(2, 0, 2)]
    [InlineData(3, 1, 0)]
    [InlineData(7, 1, 4)]
    [InlineData(8, 2, 0)]
    [InlineData(9, 2, 1)]
    public void Locate_PartBoundaries(long index, int part, long within)
    {
        Assert.Equal((part, within), s_space.Locate(index));
    }

    [Fact]
    public void Resolve_CappedPart_DistinctCasesSpreadOverItsRange()
    {
        var cases = Enumerable.Range(3, 5).Select(i => s_space.Resolve(i, 1, "s")).ToList();

        Assert.All(cases, c => Assert.Equal(1, c.Part));
        Assert.Equal(5, cases.Select(c => c.Case).Distinct().Count());
        Assert.All(cases, c => Assert.InRange(c.Case, 0, 999));
        Assert.Contains(cases, c => c.Case >= 5);
    }

    [Fact]
    public void Resolve_UncappedPart_LocatedIndex()
    {
        Assert.Equal((2, 1L), s_space.Resolve(9, 1, "s"));
    }

    [Fact]
    public void Constructor_PartLargerThanItsRange_Throws()
    {
        Assert.Throws<ArgumentException>(() => new CaseSpace([new CasePart("x", 2, 3)]));
    }
}
