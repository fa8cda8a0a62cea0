namespace MultiTrust.Core.Pipeline;

/// <summary>A position in a pipeline file (1-based line and column).</summary>
public sealed record SourceLocation(string File, int Line, int Column)
{
    public override string ToString() => Line > 0 ? $"{File}:{Line}:{Column}" : File;
}
