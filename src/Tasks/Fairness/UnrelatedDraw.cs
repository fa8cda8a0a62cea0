using MultiTrust.Sources.Official;

namespace MultiTrust.Tasks.Fairness;

/// <summary>The unrelated-image draws of one load: the pool under the data root, the run seed and the task.</summary>
internal sealed class UnrelatedDraw(UnrelatedImagePool pool, long seed, string taskId)
{
    /// <summary>Lists the pool under <paramref name="dataRoot"/>.</summary>
    public static UnrelatedDraw Load(string dataRoot, long seed, string taskId) =>
        new(UnrelatedImagePool.Load(dataRoot), seed, taskId);

    /// <summary>The relative path of the image of <paramref name="kind"/> drawn for the row <paramref name="key"/>.</summary>
    public string Image(string key, string kind) => pool.Draw(seed, taskId, key, kind);
}
