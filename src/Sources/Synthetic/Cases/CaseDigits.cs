namespace MultiTrust.Sources.Synthetic.Cases;

/// <summary>
/// Reads a case index as mixed-radix digits: each <see cref="Next"/> takes the index modulo a radix and divides it, so
/// the digits of every index below the product of the radices are distinct tuples. Generators decode the parts of a
/// sample that make it distinct (which objects, where, which template) this way, and draw only what does not matter
/// for distinctness (jitter, cosmetic choices) from a random stream. <see cref="RequireExhausted"/> checks that the
/// declared size of a case space did not exceed what its digits can hold. Not thread-safe (one instance per sample).
/// </summary>
public sealed class CaseDigits
{
    private long _rest;

    /// <summary>Starts reading <paramref name="index"/> (not negative).</summary>
    public CaseDigits(long index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        _rest = index;
    }

    /// <summary>The next digit in [0, <paramref name="radix"/>).</summary>
    public int Next(int radix)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(radix);
        var digit = (int)(_rest % radix);
        _rest /= radix;
        return digit;
    }

    /// <summary>The next digit as an item of <paramref name="items"/>.</summary>
    public T Pick<T>(IReadOnlyList<T> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return items[Next(items.Count)];
    }

    /// <summary><paramref name="k"/> distinct values of [0, <paramref name="n"/>) in order of choice (n·(n−1)·… tuples).</summary>
    public int[] Distinct(int n, int k)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(k, n);
        var free = Enumerable.Range(0, n).ToList();
        var chosen = new int[k];
        for (var i = 0; i < k; i++)
        {
            var at = Next(free.Count);
            chosen[i] = free[at];
            free.RemoveAt(at);
        }

        return chosen;
    }

    /// <summary>A <paramref name="k"/>-subset of [0, <paramref name="n"/>) in ascending order (one digit of radix C(n, k)).</summary>
    public int[] Combination(int n, int k)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(k, n);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        var rank = (long)Next(checked((int)Binomial(n, k)));

        // Combinatorial number system: the largest c with C(c, i) ≤ rank is the i-th element, from the top.
        var subset = new int[k];
        var c = n;
        for (var i = k; i >= 1; i--)
        {
            do
            {
                c--;
            }
            while (Binomial(c, i) > rank);

            subset[i - 1] = c;
            rank -= Binomial(c, i);
        }

        return subset;
    }

    /// <summary>Throws when digits are left over: the case space declared more cases than its digits distinguish.</summary>
    /// <exception cref="InvalidOperationException">The index was not fully consumed.</exception>
    public void RequireExhausted()
    {
        if (_rest != 0)
        {
            throw new InvalidOperationException($"Case index has {_rest} left over after decoding: the declared case space is larger than its digits.");
        }
    }

    /// <summary>C(n, k); 0 when k &gt; n.</summary>
    public static long Binomial(int n, int k)
    {
        if (k < 0 || k > n)
        {
            return 0;
        }

        long result = 1;
        for (var i = 1; i <= Math.Min(k, n - k); i++)
        {
            result = checked(result * (n - i + 1) / i);
        }

        return result;
    }

    /// <summary>n·(n−1)·…·(n−k+1): the number of ordered choices of k distinct values of n.</summary>
    public static long Arrangements(int n, int k)
    {
        long result = 1;
        for (var i = 0; i < k; i++)
        {
            result = checked(result * (n - i));
        }

        return result;
    }
}
