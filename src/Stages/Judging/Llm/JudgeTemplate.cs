using System.Security.Cryptography;
using System.Text;
using MultiTrust.Core.Records;

namespace MultiTrust.Stages.Judging.Llm;

/// <summary>
/// A judge prompt template: text with the placeholders <c>{response}</c> (alias <c>{generation}</c>, the name the
/// official HarmBench prompt uses), <c>{target}</c>, <c>{prompt}</c> and <c>{behavior}</c>. <c>{{</c> and <c>}}</c>
/// are literal braces; any other <c>{name}</c> is an error at load time. Leading lines starting with <c>#</c> are
/// comments and are dropped, line endings become <c>\n</c> and trailing line breaks are removed; <see cref="Sha256"/>
/// is the hash of the resulting text (the text actually sent). Immutable and thread-safe.
/// </summary>
public sealed class JudgeTemplate
{
    private static readonly string[] s_known = ["response", "generation", "target", "prompt", "behavior"];
    private readonly List<(string? Literal, string? Placeholder)> _parts;

    private JudgeTemplate(string source, string text, List<(string?, string?)> parts, HashSet<string> placeholders)
    {
        Source = source;
        Text = text;
        _parts = parts;
        Placeholders = placeholders;
        Sha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>Where the template came from (a file path or "inline template"), for messages.</summary>
    public string Source { get; }

    /// <summary>The template text after removing the header comment lines.</summary>
    public string Text { get; }

    /// <summary>Lower-case hex SHA-256 of <see cref="Text"/> (UTF-8).</summary>
    public string Sha256 { get; }

    /// <summary>The first 12 hex digits of <see cref="Sha256"/>, used in judge versions.</summary>
    public string ShortHash => Sha256[..12];

    /// <summary>The placeholders the template uses (<c>generation</c> reported as <c>response</c>).</summary>
    public IReadOnlySet<string> Placeholders { get; }

    /// <summary>Reads a template file. Throws <see cref="InvalidDataException"/> naming the file for a bad template.</summary>
    public static JudgeTemplate Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string text;
        try
        {
            text = File.ReadAllText(path, Encoding.UTF8);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InvalidDataException($"Judge template '{path}' could not be read: {ex.Message}", ex);
        }

        return Parse(text, path);
    }

    /// <summary>Parses template text; <paramref name="source"/> names it in errors.</summary>
    public static JudgeTemplate Parse(string text, string source = "inline template")
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(source);
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        var first = 0;
        while (first < lines.Length && lines[first].StartsWith('#'))
        {
            first++;
        }

        var body = string.Join('\n', lines[first..]).TrimEnd('\n');
        if (body.Trim().Length == 0)
        {
            throw new InvalidDataException($"Judge template '{source}' is empty.");
        }

        var parts = new List<(string?, string?)>();
        var placeholders = new HashSet<string>(StringComparer.Ordinal);
        var literal = new StringBuilder();
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if ((c == '{' || c == '}') && i + 1 < body.Length && body[i + 1] == c)
            {
                literal.Append(c);
                i++;
                continue;
            }

            var end = c == '{' ? PlaceholderEnd(body, i) : -1;
            if (end < 0)
            {
                literal.Append(c);
                continue;
            }

            var name = body[(i + 1)..end];
            if (Array.IndexOf(s_known, name) < 0)
            {
                var line = body[..i].Count(ch => ch == '\n') + first + 1;
                throw new InvalidDataException(
                    $"Judge template '{source}' line {line}: unknown placeholder '{{{name}}}'. " +
                    "Known placeholders: {response} (or {generation}), {target}, {prompt}, {behavior}; write {{ and }} for literal braces.");
            }

            name = name == "generation" ? "response" : name;
            parts.Add((literal.ToString(), null));
            literal.Clear();
            parts.Add((null, name));
            placeholders.Add(name);
            i = end;
        }

        parts.Add((literal.ToString(), null));
        return new JudgeTemplate(source, body, parts, placeholders);
    }

    /// <summary>
    /// The filled prompt, in one pass (text inside a response is never substituted again). <paramref name="target"/>
    /// and <paramref name="behavior"/> must be non-null when the template uses them.
    /// </summary>
    public string Fill(string response, string? target, string prompt, string? behavior)
    {
        var builder = new StringBuilder(Text.Length + response.Length + 64);
        foreach (var (literal, placeholder) in _parts)
        {
            builder.Append(placeholder switch
            {
                null => literal,
                "response" => response,
                "target" => target ?? throw new InvalidOperationException($"Judge template '{Source}' needs a target."),
                "prompt" => prompt,
                _ => behavior ?? throw new InvalidOperationException($"Judge template '{Source}' needs a behavior."),
            });
        }

        return builder.ToString();
    }

    /// <summary>The values a sample gives the placeholders: behavior is <c>Metadata["behavior"]</c>, else the prompt.</summary>
    public static string BehaviorOf(Sample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        return sample.Metadata.TryGetValue("behavior", out var behavior) && !string.IsNullOrWhiteSpace(behavior)
            ? behavior
            : sample.Prompt;
    }

    /// <summary>The index of the closing brace of an identifier placeholder starting at <paramref name="open"/>, or -1.</summary>
    private static int PlaceholderEnd(string text, int open)
    {
        var i = open + 1;
        if (i >= text.Length || !(char.IsAsciiLetter(text[i]) || text[i] == '_'))
        {
            return -1;
        }

        while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_'))
        {
            i++;
        }

        return i < text.Length && text[i] == '}' ? i : -1;
    }
}
