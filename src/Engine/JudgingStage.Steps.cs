using System.Threading.Tasks.Dataflow;
using MultiTrust.Core.Contracts;
using MultiTrust.Core.Telemetry;

namespace MultiTrust.Engine;

internal sealed partial class JudgingStage
{
    /// <summary>
    /// On the rule block: decides every step that can be decided here (rule steps run inline, in chain order), then
    /// either hands the item's ready model-backed steps to their judge-model blocks or, when the chain is complete,
    /// sends the item to the sink.
    /// </summary>
    private async Task AdvanceAsync(JudgingItem item)
    {
        try
        {
            if (item.Abandoned)
            {
                await LeaveAsync(SinkEntry.Abandoned).ConfigureAwait(false);
                return;
            }

            List<ModelStepCall>? calls = null;
            List<ActionBlock<ModelStepCall>>? targets = null;
            for (var ready = item.Run.TakeReady(); ready.Count > 0; ready = item.Run.TakeReady())
            {
                foreach (var step in ready)
                {
                    if (item.Run.JudgeAt(step) is IModelBackedJudge backed && _judgeModels.TryGetValue(backed.JudgeModel, out var block))
                    {
                        (calls ??= []).Add(new ModelStepCall(item, step));
                        (targets ??= []).Add(block);
                    }
                    else
                    {
                        item.Run.Complete(step, await item.Run.JudgeAsync(step, _abort).ConfigureAwait(false));
                    }
                }
            }

            if (calls is not null)
            {
                // The last call to finish posts the item back here for the steps that read the model-backed ones.
                item.Expect(calls.Count);
                for (var i = 0; i < calls.Count; i++)
                {
                    targets![i].Post(calls[i]);
                }

                return;
            }

            if (!item.Run.IsComplete)
            {
                throw new InvalidOperationException(
                    $"The verdict chain of task '{item.Result.Item.Task.Task.Info.Id}' stalled: a step waits for one that never runs.");
            }

            await LeaveAsync(SinkEntry.Of(item.ToEvaluated())).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_abort.IsCancellationRequested)
        {
            await LeaveAsync(SinkEntry.Abandoned).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            Fault(e);
        }
    }

    /// <summary>On a judge model's block: one model-backed step of one item.</summary>
    private async Task CallAsync(ModelStepCall call)
    {
        var item = call.Item;
        using var activity = MultiTrustTelemetry.Judging.StartActivity("judge.call");
        activity?.SetTag("multitrust.step", call.Step);
        try
        {
            if (!item.Abandoned)
            {
                item.Run.Complete(call.Step, await item.Run.JudgeAsync(call.Step, _abort).ConfigureAwait(false));
            }
        }
        catch (OperationCanceledException) when (_abort.IsCancellationRequested)
        {
            item.Abandon();
        }
        catch (Exception e)
        {
            Fault(e);
            return;
        }

        if (item.FinishCall())
        {
            _rules.Post(item);
        }
    }
}
