using System.Text;
using Parquet.Schema;

namespace MultiTrust.Sinks.DuckDb;

/// <summary>SQL literal and type helpers for the generated view definitions.</summary>
internal static class SqlText
{
    public static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    public static string Identifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>A DuckDB list literal of file paths, with forward slashes so it reads the same on every platform.</summary>
    public static string PathList(IEnumerable<string> paths)
    {
        var builder = new StringBuilder("[");
        foreach (var path in paths)
        {
            if (builder.Length > 1)
            {
                builder.Append(", ");
            }

            builder.Append(Literal(path.Replace('\\', '/')));
        }

        return builder.Append(']').ToString();
    }

    public static string DuckDbType(DataField field)
    {
        var type = Nullable.GetUnderlyingType(field.ClrType) ?? field.ClrType;
        return type == typeof(string) || type == typeof(ReadOnlyMemory<char>) ? "VARCHAR"
            : type == typeof(long) ? "BIGINT"
            : type == typeof(int) ? "INTEGER"
            : type == typeof(double) ? "DOUBLE"
            : type == typeof(bool) ? "BOOLEAN"
            : throw new NotSupportedException($"Column '{field.Name}' has CLR type {type}, which has no DuckDB mapping here.");
    }

    /// <summary>A SELECT with the schema's columns (plus extra VARCHAR columns) and no rows.</summary>
    public static string EmptySelect(ParquetSchema schema, params string[] extraVarcharColumns)
    {
        var columns = schema.GetDataFields().Select(f => $"CAST(NULL AS {DuckDbType(f)}) AS {Identifier(f.Name)}")
            .Concat(extraVarcharColumns.Select(c => $"CAST(NULL AS VARCHAR) AS {Identifier(c)}"));
        return $"SELECT {string.Join(", ", columns)} WHERE false";
    }
}
