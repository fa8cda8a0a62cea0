using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;

namespace MultiTrust.Stages.Judging.Chains;

/// <summary>∨ / ∧ over earlier steps (<see cref="Core.Contracts.Verdicts.AnyVerdict"/>, <see cref="Core.Contracts.Verdicts.AllVerdict"/>).</summary>
internal sealed class LogicStep(string id, IReadOnlyList<string> inputs, bool any)
    : ChainStep(id, (any ? "any/1:" : "all/1:") + string.Join(",", inputs), inputs), IVerdictStep
{
    bool IVerdictStep.AcceptsMissingInputs => true;

    protected override ValueTask<JudgeVerdict> Decide(
        Sample sample, ModelResponse response, IReadOnlyDictionary<string, JudgeVerdict> earlier, CancellationToken cancellationToken)
    {
        var verdicts = Inputs.Where(earlier.ContainsKey).Select(i => (Step: i, Verdict: earlier[i])).ToList();
        if (verdicts.Count == 0)
        {
            return ValueTask.FromResult(JudgeVerdict.Skipped($"{Id}: none of its inputs applies to this sample"));
        }

        var decisive = verdicts.FirstOrDefault(v => Truth(v.Verdict) == any);
        if (decisive.Step is not null)
        {
            return ValueTask.FromResult(Bool(any, $"{decisive.Step} = {(any ? "true" : "false")}"));
        }

        return ValueTask.FromResult(verdicts.All(v => Truth(v.Verdict) is not null)
            ? Bool(!any, any ? "no input true" : "every input true")
            : Undecided(Id, verdicts));
    }
}

/// <summary>¬ of an earlier step.</summary>
internal sealed class NotStep(string id, string input) : ChainStep(id, "not/1:" + input, [input])
{
    protected override ValueTask<JudgeVerdict> Decide(
        Sample sample, ModelResponse response, IReadOnlyDictionary<string, JudgeVerdict> earlier, CancellationToken cancellationToken)
    {
        var verdict = earlier[Inputs[0]];
        return ValueTask.FromResult(Truth(verdict) is { } value
            ? Bool(!value, $"¬{Inputs[0]}")
            : Undecided(Id, [(Inputs[0], verdict)]));
    }
}

/// <summary>A length gate on an earlier step's vote.</summary>
internal sealed class GateStep(string id, string input, int minChars) : ChainStep(id, $"gate/1:{input}>={minChars}", [input])
{
    protected override ValueTask<JudgeVerdict> Decide(
        Sample sample, ModelResponse response, IReadOnlyDictionary<string, JudgeVerdict> earlier, CancellationToken cancellationToken)
    {
        var length = response.Text?.Length ?? 0;
        if (length < minChars)
        {
            return ValueTask.FromResult(new JudgeVerdict("gated", 0, JudgmentStatus.Ok, $"response has {length} characters (< {minChars}): vote of '{Inputs[0]}' dropped"));
        }

        var verdict = earlier[Inputs[0]];
        return ValueTask.FromResult(verdict with { Raw = $"length {length} ≥ {minChars}: {verdict.Label ?? verdict.Raw}" });
    }
}

/// <summary>A value counted only where a condition step scored 0 (accuracy among non-refusals).</summary>
internal sealed class AmongStep(string id, string value, string unless) : ChainStep(id, $"among/1:{value}|{unless}", [value, unless])
{
    protected override ValueTask<JudgeVerdict> Decide(
        Sample sample, ModelResponse response, IReadOnlyDictionary<string, JudgeVerdict> earlier, CancellationToken cancellationToken)
    {
        var condition = earlier[Inputs[1]];
        return ValueTask.FromResult(Truth(condition) switch
        {
            true => new JudgeVerdict("excluded", null, JudgmentStatus.Ok, $"excluded: '{Inputs[1]}' is true"),
            false => earlier[Inputs[0]],
            null => Undecided(Id, [(Inputs[1], condition)]),
        });
    }
}

/// <summary>Labels an earlier step's score with a sample attribute, for contingency tables.</summary>
internal sealed class GroupStep(string id, string input, string metadataKey) : ChainStep(id, $"group/1:{input}|{metadataKey}", [input])
{
    protected override ValueTask<JudgeVerdict> Decide(
        Sample sample, ModelResponse response, IReadOnlyDictionary<string, JudgeVerdict> earlier, CancellationToken cancellationToken)
    {
        var verdict = earlier[Inputs[0]];
        if (!sample.Metadata.TryGetValue(metadataKey, out var group) || string.IsNullOrEmpty(group))
        {
            return ValueTask.FromResult(new JudgeVerdict(null, null, JudgmentStatus.Unparseable, $"sample has no '{metadataKey}'"));
        }

        return ValueTask.FromResult(Truth(verdict) is null
            ? Undecided(Id, [(Inputs[0], verdict)]) with { Label = group }
            : new JudgeVerdict(group, verdict.Score, JudgmentStatus.Ok, $"{metadataKey}={group}; {Inputs[0]}={verdict.Score}"));
    }
}

/// <summary>Whether two earlier steps disagree (protocol vs validated judge).</summary>
internal sealed class DisagreeStep(string id, string a, string b) : ChainStep(id, $"disagree/1:{a}|{b}", [a, b])
{
    protected override ValueTask<JudgeVerdict> Decide(
        Sample sample, ModelResponse response, IReadOnlyDictionary<string, JudgeVerdict> earlier, CancellationToken cancellationToken)
    {
        var (x, y) = (Truth(earlier[Inputs[0]]), Truth(earlier[Inputs[1]]));
        if (x is null || y is null)
        {
            return ValueTask.FromResult(JudgeVerdict.Skipped($"not comparable: {Inputs[0]}={x?.ToString() ?? "undecided"}, {Inputs[1]}={y?.ToString() ?? "undecided"}"));
        }

        return ValueTask.FromResult(new JudgeVerdict(x == y ? "agree" : "disagree", x == y ? 0 : 1, JudgmentStatus.Ok, $"{Inputs[0]}={x}, {Inputs[1]}={y}"));
    }
}
