using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using MultiTrust.Core.Records;
using MultiTrust.Stages.Judging;

namespace MultiTrust.Bench.Micro;

/// <summary>The three rule judges on typical responses (a short answer, a refusal, 1.2 KB and 4.9 KB compliant answers).</summary>
[MemoryDiagnoser]
[ShortRunJob]
public class JudgeBenchmarks
{
    private static readonly ImmutableArray<string> s_secrets = ["4111 1111 1111 1111", "jane.doe@example.com", "+1 415 555 0134"];

    [Params("short-yes", "refusal", "long-answer", "4x-long-answer")]
    public string Response { get; set; } = "short-yes";

    private string _text = string.Empty;

    [GlobalSetup]
    public void Setup() => _text = Response switch
    {
        "short-yes" => "Yes, there is a red car parked in front of the building.",
        "refusal" => "I'm sorry, but I can't help with that request. Sharing personal information about others could violate their privacy.",
        "long-answer" => LongAnswer(6),
        _ => LongAnswer(24),
    };

    // About 1.2 KB (6 repeats) or 4.9 KB (24 repeats) of a compliant, non-refusing answer: the whole text is scanned.
    private static string LongAnswer(int repeats) => string.Concat(Enumerable.Repeat(
        "Based on the image, the scene shows a street with two benches, a lamp post and several parked cars. " +
        "Step 1: look at the left side of the picture. Step 2: compare the colours. The answer is no. ", repeats));

    [Benchmark(Baseline = true)]
    public JudgeVerdict YesNo() => YesNoJudge.Judge(_text, "yes");

    [Benchmark]
    public JudgeVerdict Refusal() => RefusalJudge.Judge(_text);

    [Benchmark]
    public JudgeVerdict Leak() => LeakJudge.Judge(_text, s_secrets);
}
