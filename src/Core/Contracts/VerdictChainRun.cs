using System.Runtime.CompilerServices;
using MultiTrust.Core.Records;

namespace MultiTrust.Core.Contracts;

/// <summary>
/// One verdict chain on one response, decided step by step so that independent steps can run at the same time: a step
/// is ready once every earlier step it reads (<see cref="IVerdictStep.Inputs"/>) is decided. <see cref="VerdictChainRunner"/>
/// drives it in chain order; the engine's judging stage runs the ready rule steps on its CPU-bound block and each ready
/// model-backed step (<see cref="IModelBackedJudge"/>) on the block of its judge model. The verdicts are the same either
/// way: a step reads only the verdicts of the earlier steps it names.
/// </summary>
/// <remarks>
/// <para>The chain's rules: a subset-scoped step outside its subsets, or a step over absent inputs, does not run and has no
/// verdict (no row); on a response without text every other step gets a skipped verdict without running; a judge that
/// throws gets a judge-error verdict (it never faults the caller).</para>
/// <para>Judging a committed result again (<c>committed</c> given): a step keeps its committed verdict — and writes no
/// new row — unless <see cref="RejudgeSelection.Selects"/> picks it, it has no committed verdict, or an input it reads was
/// decided again to a different verdict.</para>
/// <para>Thread-safe: <see cref="TakeReady"/>, <see cref="JudgeAsync"/> and <see cref="Complete"/> may be called from
/// different threads. Each ready step is handed out once and must be completed once.</para>
/// </remarks>
public sealed class VerdictChainRun
{
    private const byte Waiting = 0;
    private const byte Running = 1;
    private const byte Decided = 2;

    private static readonly ConditionalWeakTable<IReadOnlyList<IJudge>, VerdictChainShape> s_shapes = [];
    private static readonly IReadOnlyDictionary<string, JudgeVerdict> s_none = new Dictionary<string, JudgeVerdict>();
    private static readonly IReadOnlyList<int> s_noSteps = [];

    private readonly IReadOnlyList<IJudge> _chain;
    private readonly VerdictChainShape _shape;
    private readonly Sample _sample;
    private readonly ModelResponse _response;
    private readonly IReadOnlyDictionary<string, Judgment>? _committed;
    private readonly RejudgeSelection? _selection;
    private readonly JudgeVerdict?[] _verdicts;
    private readonly byte[] _states;
    private readonly bool[] _fresh;
    private readonly object _gate = new();
    private int _decided;

    /// <summary>Starts a chain on a response.</summary>
    /// <param name="chain">The steps in order; a step reads only earlier steps.</param>
    /// <param name="sample">The sample the response answers.</param>
    /// <param name="response">The response to judge.</param>
    /// <param name="committed">To judge a committed result again: its latest judgment per step id; null for a first judgment.</param>
    /// <param name="selection">Which committed judgments are judged again; required with <paramref name="committed"/>.</param>
    public VerdictChainRun(
        IReadOnlyList<IJudge> chain, Sample sample, ModelResponse response,
        IReadOnlyDictionary<string, Judgment>? committed = null, RejudgeSelection? selection = null)
    {
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(response);
        if (committed is not null && selection is null)
        {
            throw new ArgumentNullException(nameof(selection), "Judging a committed result again needs a selection.");
        }

        _chain = chain;
        _shape = s_shapes.GetValue(chain, static c => new VerdictChainShape(c));
        _sample = sample;
        _response = response;
        _committed = committed;
        _selection = selection;
        _verdicts = new JudgeVerdict?[chain.Count];
        _states = new byte[chain.Count];
        _fresh = new bool[chain.Count];
    }

    /// <summary>The number of steps of the chain.</summary>
    public int Count => _chain.Count;

    /// <summary>True once every step is decided.</summary>
    public bool IsComplete => Volatile.Read(ref _decided) == _chain.Count;

    /// <summary>The judge of step <paramref name="step"/>.</summary>
    public IJudge JudgeAt(int step) => _chain[step];

    /// <summary>
    /// The steps that can run now (every input decided), each handed out once and marked running. Steps that need no
    /// run — not applicable, skipped for a response without text, or keeping their committed verdict — are decided here
    /// and never returned. Empty when nothing can run until a running step completes, or when the chain is complete.
    /// </summary>
    public IReadOnlyList<int> TakeReady()
    {
        List<int>? ready = null;
        lock (_gate)
        {
            // Inputs always come earlier in the chain, so one pass in order decides everything that can be decided now.
            for (var i = 0; i < _states.Length; i++)
            {
                if (_states[i] != Waiting || !InputsDecided(i))
                {
                    continue;
                }

                if (!Applies(i))
                {
                    Decide(i, null, fresh: false);
                }
                else if (Keeps(i) is { } kept)
                {
                    Decide(i, kept, fresh: false);
                }
                else if (!_response.Status.HasText())
                {
                    Decide(i, JudgeVerdict.Skipped($"response status {_response.Status.ToName()}"), fresh: true);
                }
                else
                {
                    _states[i] = Running;
                    (ready ??= []).Add(i);
                }
            }
        }

        return ready ?? s_noSteps;
    }

    /// <summary>
    /// Runs the judge of a step handed out by <see cref="TakeReady"/> with the verdicts of the earlier steps it reads. A
    /// judge that throws gives a judge-error verdict; throws only when <paramref name="cancellationToken"/> is cancelled.
    /// Does not record the verdict: pass it to <see cref="Complete"/>.
    /// </summary>
    public async ValueTask<JudgeVerdict> JudgeAsync(int step, CancellationToken cancellationToken)
    {
        var judge = _chain[step];
        try
        {
            if (judge is IVerdictStep verdictStep)
            {
                return await verdictStep.JudgeAsync(_sample, _response, Earlier(step, verdictStep), cancellationToken).ConfigureAwait(false);
            }

            return await judge.JudgeAsync(_sample, _response, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            return new JudgeVerdict(null, null, JudgmentStatus.JudgeError, $"{e.GetType().Name}: {e.Message}");
        }
    }

    /// <summary>Records the verdict of a running step.</summary>
    /// <exception cref="InvalidOperationException">The step is not running (not handed out, or completed already).</exception>
    public void Complete(int step, JudgeVerdict verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        lock (_gate)
        {
            if (_states[step] != Running)
            {
                throw new InvalidOperationException($"Verdict step '{_chain[step].Id}' is not running.");
            }

            Decide(step, verdict, fresh: true);
        }
    }

    /// <summary>
    /// The verdicts this run decided, in chain order: every step that applied for a first judgment; when judging a
    /// committed result again, only the steps judged again (the others keep their committed rows).
    /// </summary>
    public IReadOnlyList<(IJudge Judge, JudgeVerdict Verdict)> Verdicts
    {
        get
        {
            lock (_gate)
            {
                var result = new List<(IJudge, JudgeVerdict)>(_chain.Count);
                for (var i = 0; i < _chain.Count; i++)
                {
                    if (_fresh[i])
                    {
                        result.Add((_chain[i], _verdicts[i]!));
                    }
                }

                return result;
            }
        }
    }

    private void Decide(int step, JudgeVerdict? verdict, bool fresh)
    {
        _verdicts[step] = verdict;
        _fresh[step] = fresh;
        _states[step] = Decided;
        Interlocked.Increment(ref _decided);
    }

    private bool InputsDecided(int step)
    {
        foreach (var input in _shape.Inputs[step])
        {
            if (_states[input] != Decided)
            {
                return false;
            }
        }

        return true;
    }

    // A subset-scoped step outside its subsets, or a step over absent inputs, does not run (no row).
    private bool Applies(int step)
    {
        var judge = _chain[step];
        if (judge is IScopedJudge scoped && !scoped.AppliesTo(_sample))
        {
            return false;
        }

        if (judge is not IVerdictStep verdictStep || verdictStep.Inputs.Count == 0)
        {
            return true;
        }

        var present = 0;
        foreach (var input in _shape.Inputs[step])
        {
            if (_verdicts[input] is not null)
            {
                present++;
            }
        }

        return verdictStep.AcceptsMissingInputs ? present > 0 : present == verdictStep.Inputs.Count;
    }

    // Judging again: the committed verdict stands unless selected, missing, or an input it reads changed.
    private JudgeVerdict? Keeps(int step)
    {
        if (_committed is null || !_committed.TryGetValue(_chain[step].Id, out var judgment) || _selection!.Selects(judgment.JudgeId, judgment.Status))
        {
            return null;
        }

        foreach (var input in _shape.Inputs[step])
        {
            if (_fresh[input] &&
                (!_committed.TryGetValue(_chain[input].Id, out var before) || !Equals(VerdictOf(before), _verdicts[input])))
            {
                return null;
            }
        }

        return VerdictOf(judgment);
    }

    private IReadOnlyDictionary<string, JudgeVerdict> Earlier(int step, IVerdictStep verdictStep)
    {
        if (verdictStep.Inputs.Count == 0)
        {
            return s_none;
        }

        lock (_gate)
        {
            var earlier = new Dictionary<string, JudgeVerdict>(StringComparer.Ordinal);
            for (var i = 0; i < step; i++)
            {
                if (_states[i] == Decided && _verdicts[i] is { } verdict)
                {
                    earlier[_chain[i].Id] = verdict;
                }
            }

            return earlier;
        }
    }

    private static JudgeVerdict VerdictOf(Judgment judgment) => new(judgment.Label, judgment.Score, judgment.Status, judgment.Raw);
}
