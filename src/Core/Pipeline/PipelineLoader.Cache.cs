using YamlDotNet.RepresentationModel;

namespace MultiTrust.Core.Pipeline;

public sealed partial class PipelineLoader
{
    /// <summary>
    /// <c>cache: true | false | {enabled: BOOL, reuse: BOOL}</c>: whether responses are cached (default true) and whether
    /// a run may answer from entries other runs wrote (default false).
    /// </summary>
    private (bool Enabled, bool Reuse) ReadCache(YamlMappingNode root)
    {
        if (Get(root, "cache") is not YamlMappingNode map)
        {
            return (Boolean(root, "cache", "the pipeline") ?? true, false);
        }

        CheckKeys(map, ["enabled", "reuse"], "'cache'");
        var enabled = Boolean(map, "enabled", "'cache'") ?? true;
        var reuse = Boolean(map, "reuse", "'cache'") ?? false;
        if (reuse && !enabled)
        {
            Problem(map, "'cache' cannot have reuse: true with enabled: false (there is no cache to reuse)");
        }

        return (enabled, reuse);
    }
}
