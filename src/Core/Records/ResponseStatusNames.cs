namespace MultiTrust.Core.Records;

/// <summary>Stable lower-case names used in Parquet columns and reports.</summary>
public static class ResponseStatusNames
{
    public static string ToName(this ResponseStatus status) => status switch
    {
        ResponseStatus.Answered => "answered",
        ResponseStatus.ContentFiltered => "content_filtered",
        ResponseStatus.Error => "error",
        ResponseStatus.Timeout => "timeout",
        ResponseStatus.Truncated => "truncated",
        ResponseStatus.Empty => "empty",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static ResponseStatus Parse(string name) => name switch
    {
        "answered" => ResponseStatus.Answered,
        "content_filtered" => ResponseStatus.ContentFiltered,
        "error" => ResponseStatus.Error,
        "timeout" => ResponseStatus.Timeout,
        "truncated" => ResponseStatus.Truncated,
        "empty" => ResponseStatus.Empty,
        _ => throw new FormatException($"Unknown response status '{name}'."),
    };

    /// <summary>True when the response carries model text a judge may read.</summary>
    public static bool HasText(this ResponseStatus status) => status is ResponseStatus.Answered or ResponseStatus.Truncated;
}
