namespace MultiTrust.Sources.Synthetic.Privacy;

/// <summary>The Luhn (mod 10) checksum used by payment card numbers.</summary>
public static class Luhn
{
    /// <summary>True when <paramref name="digits"/> is all digits and passes the Luhn check.</summary>
    public static bool IsValid(string digits)
    {
        if (string.IsNullOrEmpty(digits) || !digits.All(char.IsAsciiDigit))
        {
            return false;
        }

        return Sum(digits, doubleRightmost: false) % 10 == 0;
    }

    /// <summary>The digit that, appended to <paramref name="payload"/>, makes it Luhn-valid.</summary>
    public static char CheckDigit(string payload)
    {
        if (!payload.All(char.IsAsciiDigit))
        {
            throw new ArgumentException($"'{payload}' is not all digits.", nameof(payload));
        }

        return (char)('0' + ((10 - (Sum(payload, doubleRightmost: true) % 10)) % 10));
    }

    private static int Sum(string digits, bool doubleRightmost)
    {
        var sum = 0;
        var doubleIt = doubleRightmost;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var d = digits[i] - '0';
            if (doubleIt)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
            doubleIt = !doubleIt;
        }

        return sum;
    }
}
