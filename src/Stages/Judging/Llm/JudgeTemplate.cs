using System.Security.Cryptography;
using System.Text;
using MultiTrust.Core.Records;

namespace MultiTrust.Stages.Judging.Llm;

/// <summary>
/// A judge prompt template: text with the placeholders <c>{response}</c> (alias <c>{generation}</c>, the name the
/// official HarmBench prompt uses), <c>{target}</c>, <c>{prompt}</c>, <c>{behavior}</c> and <c>{meta:KEY}</c> (the
/// sample's <c>Metadata[KEY]</c>, KEY of letters, digits, <c>_</c>, <c>-</c> and <c>.</c>). <c>{{</c> and <c>}}</c>
/// are literal braces; any other <c>{name}</c> is an error at load time. Leading lines starting with <c>#</c> are
/// comments and are dropped, line endings become <c>\n</c> and trailing line breaks are removed; <see cref="Sha256"/>
/// is the hash of the resulting text (the text actually sent). Immutable and thread-safe.
/// </summary>
public sealed class JudgeTemplate
{
    /// <summary>The prefix of a metadata placeholder: <c>{meta:KEY}</c>.</summary>
    public const string MetadataPrefix = "meta:";

    private static readonly string[] s_known = ["response", "generation", "target", "prompt", "behavior"];
    private readonly List<(string? Literal, string? Placeholder)> _parts;

    private JudgeTemplate(string source, string text, List<(string?, string?)> parts, HashSet<string> placeholders)
    {
        Source = source;
        Text = text;
        _parts = parts;
        Placeholders = placeholders;
        MetadataKeys = [.. parts.Where(p => p.Item2 is { } name && name.StartsWith(MetadataPrefix, StringComparison.Ordinal))
            .Select(p => p.Item2![MetadataPrefix.Length..]).Distinct(StringComparer.Ordinal)];
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

    /// <summary>The placeholders the template uses (<c>generation</c> reported as <c>response</c>; metadata ones as
    /// <c>meta:KEY</c>).</summary>
    public IReadOnlySet<string> Placeholders { get; }

    /// <summary>The metadata keys the template reads through <c>{meta:KEY}</c>, in order of first use.</summary>
    public IReadOnlyList<string> MetadataKeys { get; }

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
            if (Array.IndexOf(s_known, name) < 0 && !IsMetadataPlaceholder(name))
            {
                var line = body[..i].Count(ch => ch == '\n') + first + 1;
                throw new InvalidDataException(
                    $"Judge template '{source}' line {line}: unknown placeholder '{{{name}}}'. " +
                    "Known placeholders: {response} (or {generation}), {target}, {prompt}, {behavior}, {meta:KEY}; " +
                    "write {{ and }} for literal braces.");
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
    public string Fill(string response, string? target, string prompt, string? behavior) =>
        Fill(response, target, prompt, behavior, null);

    /// <summary>
    /// The filled prompt, in one pass; <c>{meta:KEY}</c> reads <paramref name="metadata"/>. Throws
    /// <see cref="InvalidOperationException"/> naming the value when a used value is missing (check
    /// <see cref="MissingMetadataKey"/> first to turn a missing key into a verdict).
    /// </summary>
    public string Fill(string response, string? target, string prompt, string? behavior, IReadOnlyDictionary<string, string>? metadata)
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
                "behavior" => behavior ?? throw new InvalidOperationException($"Judge template '{Source}' needs a behavior."),
                _ => MetadataValue(metadata, placeholder[MetadataPrefix.Length..]),
            });
        }

        return builder.ToString();
    }

    /// <summary>The first key of <see cref="MetadataKeys"/> that <paramref name="metadata"/> lacks, or null.</summary>
    public string? MissingMetadataKey(IReadOnlyDictionary<string, string> metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        return MetadataKeys.FirstOrDefault(key => !metadata.ContainsKey(key));
    }

    /// <summary>The values a sample gives the placeholders: behavior is <c>Metadata["behavior"]</c>, else the prompt.</summary>
    public static string BehaviorOf(Sample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        return sample.Metadata.TryGetValue("behavior", out var behavior) && !string.IsNullOrWhiteSpace(behavior)
            ? behavior
            : sample.Prompt;
    }

    private string MetadataValue(IReadOnlyDictionary<string, string>? metadata, string key) =>
        metadata is not null && metadata.TryGetValue(key, out var value)
            ? value
            : throw new InvalidOperationException($"Judge template '{Source}' needs sample metadata '{key}'.");

    private static bool IsMetadataPlaceholder(string name) =>
        name.StartsWith(MetadataPrefix, StringComparison.Ordinal) && name.Length > MetadataPrefix.Length;

    /// <summary>
    /// The index of the closing brace of a placeholder starting at <paramref name="open"/> (an identifier, or
    /// <c>meta:</c> and a key of letters, digits, <c>_</c>, <c>-</c>, <c>.</c>), or -1.
    /// </summary>
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

        if (i < text.Length && text[i] == ':' && text.AsSpan(open + 1, i - open - 1).SequenceEqual(MetadataPrefix.AsSpan(0, MetadataPrefix.Length - 1)))
        {
            i++;
            while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '_' or '-' or '.'))
            {
                i++;
            }
        }

        return i < text.Length && text[i] == '}' ? i : -1;
    }
}
