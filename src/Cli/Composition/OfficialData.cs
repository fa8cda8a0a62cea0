using MultiTrust.Core.Contracts;
using MultiTrust.Core.Pipeline;

namespace MultiTrust.Cli.Composition;

/// <summary>Checks, before anything is sent, that every official task's data is under the data root.</summary>
internal static class OfficialData
{
    /// <summary>A task whose data is missing: the first missing path, and the message naming both.</summary>
    public sealed record Missing(string TaskId, string Path)
    {
        public string Message => $"{TaskId}: {Path} not found";
    }

    /// <summary>The official tasks whose required files or folders are missing (all of them when no data root is set).</summary>
    public static IReadOnlyList<Missing> Check(PipelineDefinition pipeline, IReadOnlyList<ITrustTask> tasks)
    {
        var result = new List<Missing>();
        foreach (var task in tasks.Where(t => t.Suite == TaskSuites.Official))
        {
            if (pipeline.DataRoot is null)
            {
                result.Add(new Missing(task.Info.Id, "<data root> (pass --data DIR or set data_root:)"));
                continue;
            }

            foreach (var relative in task.RequiredData)
            {
                var path = System.IO.Path.GetFullPath(System.IO.Path.Combine(pipeline.DataRoot, relative));
                if (!File.Exists(path) && !Directory.Exists(path))
                {
                    result.Add(new Missing(task.Info.Id, path));
                    break;
                }
            }
        }

        return result;
    }
}
