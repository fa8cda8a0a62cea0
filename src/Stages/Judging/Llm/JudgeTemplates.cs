namespace MultiTrust.Stages.Judging.Llm;

/// <summary>
/// The shipped judge prompt templates (<c>data/judges/templates/&lt;name&gt;.txt</c>) that verdict chains name, with the
/// output settings each needs. A template named by a task but missing from the build output fails when the chain is
/// built, naming the file.
/// </summary>
public static class JudgeTemplates
{
    /// <summary>The shipped template folder next to the binaries.</summary>
    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "data", "judges", "templates");

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

    /// <summary>Maximum judge output tokens for a template (the protocol's judges answer in a few words; rewrites need more).</summary>
    public static int MaxTokensOf(string template) => 100;

    /// <summary>
    /// How a template's output is read as this step's own verdict. Protocol chains read the raw output again with a
    /// rule judge (judge-of-judge), so the step's own parse only labels the row.
    /// </summary>
    public static LlmJudgeParser ParserOf(string template) => LlmJudgeParser.YesNo;
}
