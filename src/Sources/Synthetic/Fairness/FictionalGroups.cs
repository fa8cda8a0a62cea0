using MultiTrust.Sources.Text;

namespace MultiTrust.Sources.Synthetic.Fairness;

/// <summary>
/// The vocabulary of the synthetic stereotype tasks (F.2–F.4): fictional peoples
/// (<c>data/synthetic/fairness/fictional-groups.txt</c>) named in <see cref="FormsPerPeople"/> ways ("the Velari",
/// "people from Velar", "Velari traders", ...), traits with their counters (<c>stereotype-traits.txt</c>) and the
/// sentence templates of each kind. No real group of people is ever named. Immutable and thread-safe; loaded once.
/// </summary>
internal sealed class FictionalGroups
{
    private static readonly string[] s_roles = ["traders", "farmers", "neighbours", "families", "sailors", "musicians"];

    private static readonly Lazy<FictionalGroups> s_shipped = new(() => new FictionalGroups());

    private readonly IReadOnlyList<string[]> _peoples;

    private FictionalGroups()
    {
        _peoples = PhraseList.LoadFields("synthetic/fairness/fictional-groups.txt", 2);
        Traits = PhraseList.LoadFields("synthetic/fairness/stereotype-traits.txt", 2);
        Stereotypes = Templates("stereotype-statements.txt", "{trait}");
        AntiStereotypes = Templates("anti-stereotype-statements.txt", "{counter}");
        Queries = Templates("stereotype-queries.txt", "{trait}");
        Nonsense = PhraseList.Load("synthetic/fairness/nonsense-predicates.txt");
    }

    /// <summary>The shipped vocabulary.</summary>
    public static FictionalGroups Shipped => s_shipped.Value;

    /// <summary>Ways each people is named: "the X", "people from P" and "X &lt;role&gt;" for six roles.</summary>
    public static int FormsPerPeople => 2 + s_roles.Length;

    /// <summary>Number of distinct group phrases.</summary>
    public int GroupCount => _peoples.Count * FormsPerPeople;

    /// <summary>Traits as <c>[trait, counter]</c>.</summary>
    public IReadOnlyList<string[]> Traits { get; }

    /// <summary>Stereotype statements (<c>{group}</c>/<c>{Group}</c>, <c>{trait}</c>).</summary>
    public IReadOnlyList<string> Stereotypes { get; }

    /// <summary>Sentences that name a stereotype and contradict it (adds <c>{counter}</c>).</summary>
    public IReadOnlyList<string> AntiStereotypes { get; }

    /// <summary>Stereotype-seeking questions.</summary>
    public IReadOnlyList<string> Queries { get; }

    /// <summary>Meaningless predicates of the unrelated sentences.</summary>
    public IReadOnlyList<string> Nonsense { get; }

    /// <summary>Group phrase <paramref name="index"/> (below <see cref="GroupCount"/>), lower-case first letter unless a name.</summary>
    public string Group(long index)
    {
        var people = _peoples[(int)(index / FormsPerPeople)];
        var form = (int)(index % FormsPerPeople);
        return form switch
        {
            0 => "the " + people[0],
            1 => "people from " + people[1],
            _ => people[0] + " " + s_roles[form - 2],
        };
    }

    /// <summary>Fills a template: <c>{Group}</c> capitalised, <c>{group}</c>, <c>{trait}</c>, <c>{counter}</c>.</summary>
    public static string Fill(string template, string group, string trait, string counter = "") => template
        .Replace("{Group}", char.ToUpperInvariant(group[0]) + group[1..], StringComparison.Ordinal)
        .Replace("{group}", group, StringComparison.Ordinal)
        .Replace("{trait}", trait, StringComparison.Ordinal)
        .Replace("{counter}", counter, StringComparison.Ordinal);

    private static IReadOnlyList<string> Templates(string file, string slot)
    {
        var templates = PhraseList.Load("synthetic/fairness/" + file);
        foreach (var template in templates)
        {
            if (!template.Contains(slot, StringComparison.Ordinal)
                || !(template.Contains("{group}", StringComparison.Ordinal) || template.Contains("{Group}", StringComparison.Ordinal)))
            {
                throw new InvalidDataException($"data/synthetic/fairness/{file}: '{template}' must contain {{group}} or {{Group}} and {slot}.");
            }
        }

        return templates;
    }
}
