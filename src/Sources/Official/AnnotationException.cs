namespace MultiTrust.Sources.Official;

/// <summary>
/// A malformed annotation: the message is <c>file:line: what is wrong</c> (line 0 when the position is unknown). A
/// loader raises it for a file it cannot read at all; the run reports it before or instead of sending anything from
/// that task.
/// </summary>
public sealed class AnnotationException(string path, long line, string problem)
    : Exception(line > 0 ? $"{path}:{line}: {problem}" : $"{path}: {problem}")
{
    public string Path { get; } = path;

    public long Line { get; } = line;

    public string Problem { get; } = problem;
}
