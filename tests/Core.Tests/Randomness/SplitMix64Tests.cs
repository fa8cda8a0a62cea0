using MultiTrust.Core.Randomness;

namespace MultiTrust.Core.Tests.Randomness;

public sealed class SplitMix64Tests
{
    [Fact]
    public void Next_Seed1234567_MatchesReferenceVector()
    {
        // The published splitmix64.c outputs for seed 1234567.
        ulong[] expected = [6457827717110365317, 3203168211198807973, 9817491932198370423, 4593380528125082431, 16408922859458223821];
        var state = 1234567UL;

        var actual = expected.Select(_ => SplitMix64.Next(ref state)).ToArray();

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Next_AnyState_AdvancesByIncrementAndReturnsMixOfNewState()
    {
        var state = 42UL;

        var output = SplitMix64.Next(ref state);

        Assert.Equal(42UL + SplitMix64.Increment, state);
        Assert.Equal(SplitMix64.Mix(state), output);
    }

    [Fact]
    public void Mix_Zero_IsZero()
    {
        Assert.Equal(0UL, SplitMix64.Mix(0));
        Assert.NotEqual(0UL, SplitMix64.Mix(1));
    }
}
