using System.Text.RegularExpressions;
using MultiTrust.Sources.Text;

namespace MultiTrust.Sources.Synthetic.Robustness;

/// <summary>
/// The sentiment sentences of the synthetic R.3 and R.6 suites: per style, a sentiment-free template
/// (<c>data/synthetic/robustness/sentiment-templates.txt</c>) whose subject comes from <c>sentiment-subjects.txt</c> and
/// whose other slots are filled from <c>sentiment-phrases.txt</c> with one polarity, which is the sentence's exact label.
/// Combination <c>c</c> of a style is a mixed-radix number (polarity, template, subject, then the slots in name order),
/// so every combination is a distinct sentence. Immutable and thread-safe after construction.
/// </summary>
public sealed partial class SentimentGrammar
{
    /// <summary>The two labels, in combination order.</summary>
    public static IReadOnlyList<string> Labels { get; } = ["positive", "negative"];

    private readonly IReadOnlyList<string> _subjects;
    private readonly Dictionary<string, Style> _styles = new(StringComparer.Ordinal);

    /// <summary>Loads and validates the shipped lists; throws naming the file and entry at fault.</summary>
    public SentimentGrammar()
    {
        _subjects = PhraseList.Load("synthetic/robustness/sentiment-subjects.txt");
        var phrases = PhraseList.LoadFields("synthetic/robustness/sentiment-phrases.txt", 4);
        foreach (var fields in PhraseList.LoadFields("synthetic/robustness/sentiment-templates.txt", 2))
        {
            var (name, template) = (fields[0], fields[1]);
            if (!_styles.TryGetValue(name, out var style))
            {
                style = new Style(name, SlotsOf(template), phrases.Where(p => p[0] == name).ToList());
                _styles[name] = style;
            }
            else if (!SlotsOf(template).SequenceEqual(style.Slots))
            {
                throw new InvalidDataException(
                    $"data/synthetic/robustness/sentiment-templates.txt: template '{template}' must use the slots of the other {name} templates ({string.Join(", ", style.Slots)}).");
            }

            style.Templates.Add(template);
        }

        Styles = [.. _styles.Keys];
    }

    /// <summary>The styles, in file order.</summary>
    public IReadOnlyList<string> Styles { get; }

    /// <summary>The number of distinct sentences of <paramref name="style"/>.</summary>
    public long CountOf(string style)
    {
        var s = StyleOf(style);
        var count = (long)Labels.Count * s.Templates.Count * _subjects.Count;
        foreach (var slot in s.Slots)
        {
            count *= s.Fillers[(slot, Labels[0])].Count;
        }

        return count;
    }

    /// <summary>Sentence <paramref name="combination"/> (in [0, <see cref="CountOf"/>)) of <paramref name="style"/>.</summary>
    public SentimentSentence Compose(string style, long combination)
    {
        var s = StyleOf(style);
        ArgumentOutOfRangeException.ThrowIfNegative(combination);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(combination, CountOf(style));
        var label = Labels[(int)(combination % Labels.Count)];
        combination /= Labels.Count;
        var template = s.Templates[(int)(combination % s.Templates.Count)];
        combination /= s.Templates.Count;
        var subject = _subjects[(int)(combination % _subjects.Count)];
        combination /= _subjects.Count;
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["subject"] = subject,
            ["Subject"] = char.ToUpperInvariant(subject[0]) + subject[1..],
        };
        foreach (var slot in s.Slots)
        {
            var fillers = s.Fillers[(slot, label)];
            values[slot] = fillers[(int)(combination % fillers.Count)];
            combination /= fillers.Count;
        }

        var text = SlotPattern().Replace(template, match => values[match.Groups[1].Value]);
        return new SentimentSentence(text, style, label, subject);
    }

    private Style StyleOf(string style) =>
        _styles.TryGetValue(style, out var s)
            ? s
            : throw new ArgumentException($"Unknown sentiment style '{style}'; styles: {string.Join(", ", _styles.Keys)}.", nameof(style));

    /// <summary>The polarity slots of a template, in name order (subject slots excluded).</summary>
    private static string[] SlotsOf(string template) =>
        [.. SlotPattern().Matches(template).Select(m => m.Groups[1].Value)
            .Where(s => s is not ("subject" or "Subject")).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"\{(\w+)\}", RegexOptions.CultureInvariant)]
    private static partial Regex SlotPattern();

    private sealed class Style
    {
        public Style(string name, string[] slots, List<string[]> phrases)
        {
            Slots = slots;
            foreach (var slot in slots)
            {
                foreach (var label in Labels)
                {
                    var fillers = phrases.Where(p => p[1] == slot && p[2] == label).Select(p => p[3]).ToList();
                    if (fillers.Count == 0)
                    {
                        throw new InvalidDataException(
                            $"data/synthetic/robustness/sentiment-phrases.txt has no {label} phrase for slot '{slot}' of style '{name}'.");
                    }

                    Fillers[(slot, label)] = fillers;
                }

                if (Fillers[(slot, Labels[0])].Count != Fillers[(slot, Labels[1])].Count)
                {
                    throw new InvalidDataException(
                        $"data/synthetic/robustness/sentiment-phrases.txt: slot '{slot}' of style '{name}' needs as many positive as negative phrases (the labels are balanced).");
                }
            }
        }

        public string[] Slots { get; }

        public List<string> Templates { get; } = [];

        public Dictionary<(string Slot, string Label), IReadOnlyList<string>> Fillers { get; } = [];
    }
}
