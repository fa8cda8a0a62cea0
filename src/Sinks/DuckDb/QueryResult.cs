namespace MultiTrust.Sinks.DuckDb;

/// <summary>The columns and rows of a query. A SQL NULL is <c>null</c>; other values keep DuckDB.NET's CLR types.</summary>
public sealed record QueryResult(IReadOnlyList<string> Columns, IReadOnlyList<object?[]> Rows);
