using System.Text;
using MultiTrust.Stages.Judging.Validation;

namespace MultiTrust.Stages.Tests.Judging.Validation;

/// <summary>
/// Enforces the tuning / held-out split of the gold sets (docs/judges.md): the held-out records are read only by the
/// validation (<see cref="GoldSetValidator"/> through <c>multitrust judges validate</c> and <see cref="GoldFloorTests"/>),
/// never by judge code or other tests, and they are not copies of tuning records. Records of the protocol judges' sets
/// that reuse a response of a validated judge's tuning part carry a <c>source</c> field naming it: that text is open to
/// development by design (a protocol judge is the reference's rule, nothing is tuned on it), so only their ids are checked.
/// </summary>
public sealed class GoldSplitTests
{
    /// <summary>Words in a shingle: long enough that common refusal formulas do not collide by chance.</summary>
    private const int ShingleWords = 9;

    /// <summary>Responses of at least this many (and fewer than <see cref="ShingleWords"/>) words are looked for whole.</summary>
    private const int WholeResponseWords = 6;

    /// <summary>Files that may name the held-out part: its loader and the validation that reads it (paths relative to the repository).</summary>
    private static readonly HashSet<string> s_allowedReaders = new(StringComparer.Ordinal)
    {
        "src/Stages/Judging/Validation/GoldPart.cs",
        "src/Stages/Judging/Validation/GoldSet.cs",
        "src/Stages/Judging/Validation/JudgeFloor.cs",
        "src/Cli/Commands/JudgesValidateCommand.cs",
        "tests/Stages.Tests/Judging/Validation/GoldFloorTests.cs",
        "tests/Stages.Tests/Judging/Validation/GoldSplitTests.cs",
        "tests/Stages.Tests/Judging/Validation/GoldSetTests.cs",
        "tests/Stages.Tests/Judging/Validation/JudgeFloorsTests.cs",
        "tests/Cli.Tests/JudgesValidateCommandTests.cs",
    };

    private static readonly string s_root = FindRoot();

    [Fact]
    public void SourcesAndTests_OnlyTheValidationNamesTheHeldOutPart()
    {
        var offenders = SourceFiles()
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) && !s_allowedReaders.Contains(Relative(f)))
            .Where(f =>
            {
                var text = File.ReadAllText(f);
                return text.Contains("GoldPart.HeldOut", StringComparison.Ordinal)
                    || text.Contains("HeldOutFolder", StringComparison.Ordinal)
                    || text.Contains("gold/held-out", StringComparison.Ordinal)
                    || text.Contains("\"held-out\"", StringComparison.Ordinal);
            })
            .Select(Relative)
            .ToList();

        Assert.True(offenders.Count == 0, "Only the validation may read the held-out gold records; found in: " + string.Join(", ", offenders));
    }

    [Fact]
    public void SourcesAndTests_NeverQuoteAHeldOutRecord()
    {
        var corpus = new StringBuilder();
        foreach (var file in SourceFiles())
        {
            corpus.Append(' ').Append(Fold(File.ReadAllText(file))).Append(' ');
        }

        var text = corpus.ToString();
        var quoted = new List<string>();
        foreach (var item in HeldOutItems())
        {
            if (text.Contains(Fold(item.Id).Trim(), StringComparison.Ordinal) && item.Id.Length >= 6)
            {
                quoted.Add($"{item.Id} (its id)");
                continue;
            }

            if (IsReused(item))
            {
                continue;
            }

            var shingle = Shingles(Fold(item.Record.Response.Text ?? string.Empty)).FirstOrDefault(s => text.Contains(s, StringComparison.Ordinal));
            if (shingle is not null)
            {
                quoted.Add($"{item.Id} (\"{shingle.Trim()}\")");
            }
        }

        Assert.True(quoted.Count == 0, "Held-out records quoted in src/ or tests/: " + string.Join("; ", quoted));
    }

    [Fact]
    public void HeldOutRecords_NotCopiesOfAnyTuningRecord()
    {
        var tuning = Directory.GetFiles(GoldFolder(), "*.jsonl")
            .SelectMany(path => GoldSet.Load(Path.GetFileNameWithoutExtension(path), path).Items)
            .Select(Identity)
            .ToHashSet(StringComparer.Ordinal);

        var copies = HeldOutItems()
            .Where(i => !IsReused(i) && Fold(i.Record.Response.Text ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 4)
            .Where(i => tuning.Contains(Identity(i)))
            .Select(i => i.Id)
            .ToList();

        Assert.True(copies.Count == 0, "Held-out records whose response is also a tuning record (of any judge): " + string.Join(", ", copies));
    }

    [Fact]
    public void HeldOutParts_EveryJudgeWithAFloorHasOne_AndIdsDifferFromTuning()
    {
        foreach (var judgeId in JudgeFloors.Load().ByJudge.Keys)
        {
            var tuningIds = GoldSet.Load(judgeId, GoldPart.Tuning).Items.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
            var heldOut = GoldSet.Load(judgeId, GoldPart.HeldOut);

            Assert.NotEmpty(heldOut.Items);
            Assert.DoesNotContain(heldOut.Items, i => tuningIds.Contains(i.Id));
        }
    }

    /// <summary>What a judge reads of a record: the response and the fields that decide its verdict.</summary>
    private static string Identity(GoldItem item)
    {
        var json = item.Record.Json;
        return string.Join(
            '\u0001',
            item.Record.Response.Text ?? string.Empty,
            json["prompt"]?.ToJsonString() ?? string.Empty,
            json["target"]?.ToJsonString() ?? string.Empty,
            json["accept"]?.ToJsonString() ?? string.Empty,
            json["options"]?.ToJsonString() ?? string.Empty,
            json["secrets"]?.ToJsonString() ?? string.Empty);
    }

    private static bool IsReused(GoldItem item) => item.Record.Json["source"] is not null;

    private static IEnumerable<GoldItem> HeldOutItems() =>
        Directory.GetFiles(Path.Combine(GoldFolder(), GoldSet.HeldOutFolder), "*.jsonl")
            .SelectMany(path => GoldSet.Load(Path.GetFileNameWithoutExtension(path), path, GoldPart.HeldOut).Items);

    private static string GoldFolder() => Path.Combine(s_root, "data", "judges", "gold");

    private static IEnumerable<string> SourceFiles() =>
        new[] { "src", "tests", "bench" }
            .Select(d => Path.Combine(s_root, d))
            .Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "*", SearchOption.AllDirectories))
            .Where(f => !IsBuildOutput(f) && Path.GetExtension(f) is ".cs" or ".json" or ".jsonl" or ".yaml" or ".md" or ".txt");

    private static bool IsBuildOutput(string path)
    {
        var relative = Relative(path);
        return relative.Contains("/bin/", StringComparison.Ordinal) || relative.Contains("/obj/", StringComparison.Ordinal);
    }

    private static string Relative(string path) => Path.GetRelativePath(s_root, path).Replace('\\', '/');

    /// <summary>
    /// Lower case, letters and digits (and a minus before a digit) only, single spaces: escapes and punctuation do not
    /// hide a quote.
    /// </summary>
    private static string Fold(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsLetterOrDigit(c) || (c == '-' && i + 1 < text.Length && char.IsDigit(text[i + 1])))
            {
                builder.Append(char.ToLowerInvariant(c));
                space = false;
            }
            else if (!space)
            {
                builder.Append(' ');
                space = true;
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Every run of <see cref="ShingleWords"/> words (space-delimited); a shorter response of at least
    /// <see cref="WholeResponseWords"/> words whole; none for shorter ones (ids are still checked).
    /// </summary>
    private static IEnumerable<string> Shingles(string folded)
    {
        var words = folded.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is >= WholeResponseWords and < ShingleWords)
        {
            yield return " " + string.Join(' ', words) + " ";
        }

        for (var i = 0; i + ShingleWords <= words.Length; i++)
        {
            yield return " " + string.Join(' ', words, i, ShingleWords) + " ";
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MultiTrust.Pipeline.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("MultiTrust.Pipeline.sln not found above the test binaries.");
    }
}
