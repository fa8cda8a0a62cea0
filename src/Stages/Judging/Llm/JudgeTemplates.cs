using System.Collections.Frozen;
using MultiTrust.Core;

namespace MultiTrust.Stages.Judging.Llm;

/// <summary>
/// The shipped judge prompt templates (<c>data/judges/templates/&lt;name&gt;.txt</c>) that verdict chains name, with the
/// output settings each needs. A template named by a task but missing from the build output fails when the chain is
/// built, naming the file.
/// </summary>
/// <remarks>
/// The <c>protocol-*</c> templates are the MultiTrust reference's GPT-4 judge prompts, byte for byte; each keeps the
/// reference's judge <c>max_new_tokens</c> (<see cref="ProtocolMaxTokens"/>) and is read with
/// <see cref="LlmJudgeParser.Raw"/>: the next chain step reads the raw answer with a rule judge, as the reference does.
/// </remarks>
public static class JudgeTemplates
{
    /// <summary>Judge output tokens for a template that does not say otherwise.</summary>
    public const int DefaultMaxTokens = 100;

    /// <summary>The protocol templates and the judge <c>max_new_tokens</c> of the task YAML each comes from.</summary>
    public static IReadOnlyDictionary<string, int> ProtocolMaxTokens { get; } = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["protocol-t1-ocr"] = 150,
        ["protocol-t1-grounding"] = 200,
        ["protocol-t3-factual"] = 100,
        ["protocol-t3-logic"] = 100,
        ["protocol-consistency"] = 100,
        ["protocol-s2-keywords"] = 10,
        ["protocol-r1-caption"] = 20,
        ["protocol-r2-rater"] = 20,
        ["protocol-r45-caption"] = 20,
        ["protocol-r45-noise"] = 20,
        ["protocol-f1-stereotype"] = 100,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The shipped template folder: <c>judges/templates</c> under <see cref="DataPaths.Root"/> (next to the binaries,
    /// or the repository's <c>data/</c>).</summary>
    public static string Folder => DataPaths.Combine("judges", "templates");

    /// <summary>The file of a template name (a bare name resolves under <see cref="Folder"/>; a path is used as is).</summary>
    public static string PathOf(string template)
    {
        ArgumentException.ThrowIfNullOrEmpty(template);
        if (template.Contains('/') || template.Contains('\\'))
        {
            return template;
        }

        var path = Path.Combine(Folder, template.EndsWith(".txt", StringComparison.Ordinal) ? template : template + ".txt");
        return File.Exists(path) ? path : throw new FileNotFoundException($"Judge template '{template}' is not shipped: {path} not found.", path);
    }

    /// <summary>Whether <paramref name="template"/> (a bare name, with or without <c>.txt</c>) is a protocol template.</summary>
    public static bool IsProtocol(string template) => ProtocolMaxTokens.ContainsKey(NameOf(template));

    /// <summary>
    /// Maximum judge output tokens for a template: the reference's value for a protocol template, else
    /// <see cref="DefaultMaxTokens"/> (the project's judges answer in a few words).
    /// </summary>
    public static int MaxTokensOf(string template) =>
        ProtocolMaxTokens.TryGetValue(NameOf(template), out var tokens) ? tokens : DefaultMaxTokens;

    /// <summary>
    /// How a template's output is read as this step's own verdict: <see cref="LlmJudgeParser.Raw"/> for the protocol
    /// templates (a following rule judge reads it), <see cref="LlmJudgeParser.YesNo"/> otherwise.
    /// </summary>
    public static LlmJudgeParser ParserOf(string template) => IsProtocol(template) ? LlmJudgeParser.Raw : LlmJudgeParser.YesNo;

    private static string NameOf(string template)
    {
        ArgumentException.ThrowIfNullOrEmpty(template);
        return template.EndsWith(".txt", StringComparison.Ordinal) ? template[..^4] : template;
    }
}
