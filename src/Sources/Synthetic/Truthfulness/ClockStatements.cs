using System.Globalization;
using MultiTrust.Core.Randomness;
using MultiTrust.Sources.Synthetic.Cases;
using MultiTrust.Sources.Synthetic.Scenes;

namespace MultiTrust.Sources.Synthetic.Truthfulness;

/// <summary>
/// T.2 <c>temporal</c>: an analogue clock (<see cref="ClockRenderer"/>) at one of the 720 minutes of the dial.
/// <list type="bullet">
/// <item><c>read</c>: "The clock in the image shows 3:07." False claims are 5–15 minutes or 1–2 hours off.</item>
/// <item><c>later</c>: "In 45 minutes, the clock will show 3:52." (N = 5–240 minutes, in steps of 5).</item>
/// <item><c>earlier</c>: "45 minutes ago, the clock showed 2:22."</item>
/// </list>
/// A case is the time, N, and the look of the clock (face and hand colours, position).
/// </summary>
internal sealed class ClockStatements : IStatementFamily
{
    private const int Cap = 150_000;
    private const int Steps = 48;
    private static readonly string[] s_faces = ["white", "cream", "light grey", "yellow"];
    private static readonly string[] s_hands = ["blue", "red", "purple"];
    private static readonly int[] s_readErrors = [-120, -60, -15, -10, -5, 5, 10, 15, 60, 120];
    private static readonly int[] s_shiftErrors = [-60, -10, -5, 5, 10, 60];
    private static readonly long s_looks = s_faces.Length * s_hands.Length * 9;

    public CaseSpace Space { get; } = new(
    [
        new CasePart("read", ClockTime.MinutesPerTurn * s_looks, ClockTime.MinutesPerTurn * s_looks),
        CasePart.Capped("later", ClockTime.MinutesPerTurn * Steps * s_looks, Cap),
        CasePart.Capped("earlier", ClockTime.MinutesPerTurn * Steps * s_looks, Cap),
    ]);

    public StatementCase Compose(int part, CaseDigits digits, bool truth, SeededRandom rng)
    {
        var (hour, minute) = ClockTime.FromDial(digits.Next(ClockTime.MinutesPerTurn));
        var shift = part == 0 ? 0 : (digits.Next(Steps) + 1) * 5;
        var face = digits.Pick(s_faces);
        var hands = digits.Pick(s_hands);
        var position = digits.Next(9);
        var clock = new ClockFace(
            hour, minute, (Scene.Size / 2) + ((position % 3) - 1) * 24, (Scene.Size / 2) + ((position / 3) - 1) * 24, rng.NextInt(130, 161), face, hands, SceneCells.Background(rng));

        var signed = part == 2 ? -shift : shift;
        var error = truth ? 0 : rng.Pick(part == 0 ? s_readErrors : s_shiftErrors);
        var claimed = ClockTime.Shift(hour, minute, signed + error);
        var n = shift.ToString(CultureInfo.InvariantCulture);
        var statement = part switch
        {
            0 => $"The clock in the image shows {claimed}.",
            1 => $"In {n} minutes, the clock will show {claimed}.",
            _ => $"{n} minutes ago, the clock showed {claimed}.",
        };
        var facts = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["clock"] = clock.ToString(),
            ["face"] = clock.Face,
            ["hands"] = clock.Hands,
            ["background"] = clock.Background,
            ["answer"] = ClockTime.Shift(hour, minute, signed),
        };
        return new StatementCase(statement, ClockRenderer.Render(clock), facts);
    }
}
