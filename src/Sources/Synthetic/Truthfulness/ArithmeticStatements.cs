using System.Globalization;
using MultiTrust.Core.Randomness;
using MultiTrust.Sources.Synthetic.Cases;

namespace MultiTrust.Sources.Synthetic.Truthfulness;

/// <summary>
/// T.2 <c>math</c>: an arithmetic problem rendered as text ("347 + 589 = ?") and "The result of the calculation in the
/// image is 936." Parts: <c>addition</c> and <c>subtraction</c> of numbers up to three digits, <c>multiplication</c> of
/// a two-digit by a three-digit number, and <c>precedence</c> ("17 + 6 × 8", false claims mostly the left-to-right
/// reading). Other false claims are near misses (±1, ±2, ±10, ±100, one factor more or less).
/// </summary>
internal sealed class ArithmeticStatements : IStatementFamily
{
    private const int Cap = 300_000;
    private static readonly int[] s_nearMisses = [-100, -10, -2, -1, 1, 2, 10, 100];

    public CaseSpace Space { get; } = new(
    [
        CasePart.Capped("addition", 990L * 990, Cap),
        CasePart.Capped("subtraction", 990L * 999, Cap),
        new CasePart("multiplication", 98L * 990, 98L * 990),
        new CasePart("precedence", 999L * 11 * 11, 999L * 11 * 11),
    ]);

    public StatementCase Compose(int part, CaseDigits digits, bool truth, SeededRandom rng)
    {
        string expression;
        long answer;
        long wrong;
        switch (part)
        {
            case 0:
            {
                int a = digits.Next(990) + 10, b = digits.Next(990) + 10;
                (expression, answer) = ($"{a} + {b}", a + b);
                wrong = NearMiss(answer, rng);
                break;
            }

            case 1:
            {
                int b = digits.Next(990) + 10, d = digits.Next(999) + 1;
                (expression, answer) = ($"{b + d} − {b}", d);
                wrong = NearMiss(answer, rng);
                break;
            }

            case 2:
            {
                int a = digits.Next(98) + 2, b = digits.Next(990) + 10;
                (expression, answer) = ($"{a} × {b}", (long)a * b);
                var miss = rng.NextInt(4);
                wrong = miss < 2 ? answer + (miss == 0 ? -b : b) : NearMiss(answer, rng);
                break;
            }

            default:
            {
                int a = digits.Next(999) + 1, b = digits.Next(11) + 2, c = digits.Next(11) + 2;
                (expression, answer) = ($"{a} + {b} × {c}", a + (b * c));
                wrong = rng.NextBool() ? (long)(a + b) * c : NearMiss(answer, rng);
                break;
            }
        }

        var claimed = truth ? answer : wrong;
        var statement = $"The result of the calculation in the image is {claimed.ToString(CultureInfo.InvariantCulture)}.";
        var facts = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["expression"] = expression,
            ["answer"] = answer.ToString(CultureInfo.InvariantCulture),
        };
        return new StatementCase(statement, TextImages.Render(expression + " = ?", TextImages.Display), facts);
    }

    // A wrong non-negative value close to the answer.
    private static long NearMiss(long answer, SeededRandom rng)
    {
        var candidates = s_nearMisses.Select(d => answer + d).Where(v => v >= 0).ToList();
        return rng.Pick(candidates);
    }
}
