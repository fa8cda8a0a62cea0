using System.Globalization;
using System.Text;

namespace MultiTrust.Stages.Judging.Protocol;

/// <summary>
/// Python's <c>float(str)</c>: surrounding whitespace, an optional sign, a decimal literal (digits may be any Unicode
/// decimal digits, single underscores between digits, an optional exponent) or inf / infinity / nan in any case.
/// Anything else is not a number (Python raises <c>ValueError</c>).
/// </summary>
internal static class PythonFloat
{
    public static bool TryParse(string text, out double value)
    {
        value = 0;
        var s = text.Trim();
        var ascii = new StringBuilder(s.Length);
        var at = 0;
        if (at < s.Length && s[at] is '+' or '-')
        {
            ascii.Append(s[at++]);
        }

        var rest = s[at..].ToLowerInvariant();
        if (rest is "inf" or "infinity" or "nan")
        {
            value = rest == "nan" ? double.NaN : double.PositiveInfinity;
            value = ascii.ToString() == "-" ? -value : value;
            return true;
        }

        var integer = Digits(s, ref at, ascii);
        var fraction = false;
        if (at < s.Length && s[at] == '.')
        {
            ascii.Append('.');
            at++;
            fraction = Digits(s, ref at, ascii);
        }

        if (!integer && !fraction)
        {
            return false;
        }

        if (at < s.Length && s[at] is 'e' or 'E')
        {
            ascii.Append('e');
            at++;
            if (at < s.Length && s[at] is '+' or '-')
            {
                ascii.Append(s[at++]);
            }

            if (!Digits(s, ref at, ascii))
            {
                return false;
            }
        }

        return at == s.Length && double.TryParse(ascii.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    // digit (["_"] digit)*, appended as ASCII digits; false when there is no digit or an underscore is misplaced.
    private static bool Digits(string s, ref int at, StringBuilder ascii)
    {
        var start = at;
        while (at < s.Length)
        {
            if (char.IsDigit(s[at]))
            {
                ascii.Append((char)('0' + (int)char.GetNumericValue(s[at])));
                at++;
            }
            else if (s[at] == '_' && at > start && at + 1 < s.Length && char.IsDigit(s[at + 1]) && char.IsDigit(s[at - 1]))
            {
                at++;
            }
            else
            {
                break;
            }
        }

        return at > start;
    }
}
