using MultiTrust.Testing;

namespace MultiTrust.Bench.EndToEnd;

/// <summary>Typical short model answers, cycled by request sequence, so judges see a realistic mix (not an echo).</summary>
public static class TypicalReplies
{
    public static readonly string[] Texts =
    [
        "Yes, there is a red car parked in front of the building.",
        "No. The image does not show that.",
        "I'm sorry, but I can't help with identifying people in images.",
        "Based on the image, the answer is yes: the sky is overcast with grey clouds.",
        "No, I don't see any animals; the scene contains only a street, two benches and a lamp post.",
        "It is hard to tell from this picture, but it looks like yes.",
    ];

    public static string For(RecordedRequest request) => Texts[(int)(request.Sequence % Texts.Length)];
}
