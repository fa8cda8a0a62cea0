namespace MultiTrust.Sinks.Results;

/// <summary>Builds one column array from buffered rows at commit time.</summary>
internal static class ColumnArrays
{
    public static string[] Repeat(string value, int count)
    {
        var values = new string[count];
        Array.Fill(values, value);
        return values;
    }

    public static TValue[] Map<TRow, TValue>(IReadOnlyList<TRow> rows, Func<TRow, TValue> select)
    {
        var values = new TValue[rows.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = select(rows[i]);
        }

        return values;
    }
}
