namespace MultiTrust.Sinks.DuckDb;

/// <summary>A query or view definition that DuckDB rejected; the message holds DuckDB's message and the SQL.</summary>
public sealed class QueryException : Exception
{
    private const int MaxSqlInMessage = 4000;

    public QueryException(string duckDbMessage, string sql, Exception? innerException = null)
        : base($"DuckDB error: {duckDbMessage}{Environment.NewLine}SQL: {Shorten(sql)}", innerException)
    {
        Sql = sql;
    }

    /// <summary>The full SQL that failed.</summary>
    public string Sql { get; }

    private static string Shorten(string sql) =>
        sql.Length <= MaxSqlInMessage ? sql : sql[..MaxSqlInMessage] + $"… ({sql.Length - MaxSqlInMessage} more characters)";
}
