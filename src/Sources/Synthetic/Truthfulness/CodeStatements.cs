using System.Globalization;
using MultiTrust.Core.Randomness;
using MultiTrust.Sources.Synthetic.Cases;

namespace MultiTrust.Sources.Synthetic.Truthfulness;

/// <summary>
/// T.2 <c>code</c>: a few lines of Python rendered as text and "The Python code in the image prints 42." Each part is a
/// template whose output follows from its numbers; false claims are the usual slips (operator precedence, an
/// off-by-one loop count, the other branch, the value before the swap, forgetting the remainder) or ±1.
/// </summary>
internal sealed class CodeStatements : IStatementFamily
{
    private const int Cap = 150_000;

    public CaseSpace Space { get; } = new(
    [
        new CasePart("reassign", 99L * 99 * 8, 99L * 99 * 8),
        new CasePart("loop", 100L * 11 * 98, 100L * 11 * 98),
        CasePart.Capped("range-of-list", 99L * 99 * 99, Cap),
        CasePart.Capped("branch", 999L * 999, Cap),
        CasePart.Capped("swap", 999L * 999 * 2, Cap),
        new CasePart("divmod", 9990L * 8, 9990L * 8),
    ]);

    public StatementCase Compose(int part, CaseDigits digits, bool truth, SeededRandom rng)
    {
        var (code, output, slips) = part switch
        {
            0 => Reassign(digits),
            1 => Loop(digits),
            2 => RangeOfList(digits),
            3 => Branch(digits),
            4 => Swap(digits),
            _ => DivMod(digits),
        };

        // Two times in three a slip (when the template has one), else off by one.
        var slipped = slips.Where(v => v != output && v >= 0).Distinct().ToList();
        var offByOne = new[] { output + 1, output - 1 }.Where(v => v >= 0 && !slipped.Contains(v)).ToList();
        var claimed = truth ? output : slipped.Count > 0 && (offByOne.Count == 0 || rng.NextInt(3) < 2) ? rng.Pick(slipped) : rng.Pick(offByOne);
        var facts = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["code"] = code,
            ["answer"] = output.ToString(CultureInfo.InvariantCulture),
        };
        var statement = $"The Python code in the image prints {claimed.ToString(CultureInfo.InvariantCulture)}.";
        return new StatementCase(statement, TextImages.Render(TextImages.KeepIndentation(code), TextImages.Code), facts);
    }

    private static (string, long, long[]) Reassign(CaseDigits digits)
    {
        int a = digits.Next(99) + 1, b = digits.Next(99) + 1, c = digits.Next(8) + 2;
        return ($"x = {a}\nx = x + {b}\nprint(x * {c})", (a + b) * c, [a + (b * c)]);
    }

    private static (string, long, long[]) Loop(CaseDigits digits)
    {
        int s = digits.Next(100), n = digits.Next(11) + 2, a = digits.Next(98) + 2;
        return ($"total = {s}\nfor i in range({n}):\n    total += {a}\nprint(total)", s + (n * a), [s + ((n + 1) * a), s + ((n - 1) * a), n * a]);
    }

    private static (string, long, long[]) RangeOfList(CaseDigits digits)
    {
        int a = digits.Next(99) + 1, b = digits.Next(99) + 1, c = digits.Next(99) + 1;
        int max = Math.Max(a, Math.Max(b, c)), min = Math.Min(a, Math.Min(b, c));
        return ($"nums = [{a}, {b}, {c}]\nprint(max(nums) - min(nums))", max - min, [max, max + min]);
    }

    private static (string, long, long[]) Branch(CaseDigits digits)
    {
        int a = digits.Next(999) + 1, b = digits.Next(999) + 1;
        long taken = a > b ? a - b : a + b;
        long other = a > b ? a + b : a - b;
        return ($"x = {a}\nif x > {b}:\n    print(x - {b})\nelse:\n    print(x + {b})", taken, [other]);
    }

    private static (string, long, long[]) Swap(CaseDigits digits)
    {
        int a = digits.Next(999) + 1, b = digits.Next(999) + 1;
        var printA = digits.Next(2) == 0;
        var code = $"a = {a}\nb = {b}\na, b = b, a + b\nprint({(printA ? "a" : "b")})";
        return printA ? (code, b, [a + b, a]) : (code, a + b, [b, 2 * b]);
    }

    private static (string, long, long[]) DivMod(CaseDigits digits)
    {
        int a = digits.Next(9990) + 10, b = digits.Next(8) + 2;
        return ($"x = {a}\nprint(x // {b} + x % {b})", (a / b) + (a % b), [a / b, a % b]);
    }
}
