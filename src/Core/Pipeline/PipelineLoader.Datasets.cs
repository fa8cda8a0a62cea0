using YamlDotNet.RepresentationModel;

namespace MultiTrust.Core.Pipeline;

public sealed partial class PipelineLoader
{
    private static readonly string[] s_datasetKeys = ["path", "format", "columns", "chain"];
    private static readonly string[] s_columnKeys = ["prompt", "image", "image_bytes", "target", "reference", "subset"];

    // source: {dataset: {path: lake/t1.parquet, format: parquet, columns: {prompt: question, image: image_path}}}
    private DatasetSourceDefinition? ReadDataset(YamlMappingNode source)
    {
        CheckKeys(source, ["dataset"], "a task's source");
        if (Get(source, "dataset") is not YamlMappingNode map)
        {
            Problem(source, "a task's 'source' mapping must be {dataset: {path: FILE, format: parquet|arrow|jsonl, columns: {prompt: COLUMN, ...}}}");
            return null;
        }

        CheckKeys(map, s_datasetKeys, "a dataset source");
        var path = Scalar(map, "path", "a dataset source");
        if (string.IsNullOrWhiteSpace(path))
        {
            Problem(map, "a dataset source needs a 'path' (the Parquet, Arrow IPC or JSONL file, relative to the pipeline file)");
            return null;
        }

        var full = Path.GetFullPath(path, Path.GetDirectoryName(Path.GetFullPath(_file)) ?? ".");
        var format = Scalar(map, "format", "a dataset source")?.ToLowerInvariant() ?? DatasetSourceDefinition.FormatOf(full);
        if (format is null)
        {
            Problem(map, $"cannot tell the format of '{path}' from its name; set 'format' to one of: {string.Join(", ", DatasetSourceDefinition.Formats)}");
            return null;
        }

        if (!DatasetSourceDefinition.Formats.Contains(format))
        {
            Problem(Get(map, "format")!, $"'format' of a dataset source must be one of: {string.Join(", ", DatasetSourceDefinition.Formats)}, not '{format}'");
            return null;
        }

        var columns = DatasetColumns.Default;
        if (Get(map, "columns") is { } columnsNode)
        {
            if (columnsNode is not YamlMappingNode c)
            {
                Problem(columnsNode, "'columns' of a dataset source must map parts to column names, e.g. {prompt: question, image: image_path, target: answer}");
                return null;
            }

            CheckKeys(c, s_columnKeys, "a dataset source's columns");
            columns = new DatasetColumns(
                Scalar(c, "prompt", "a dataset source's columns") ?? "prompt",
                Scalar(c, "image", "a dataset source's columns"),
                Scalar(c, "image_bytes", "a dataset source's columns"),
                Scalar(c, "target", "a dataset source's columns"),
                Scalar(c, "reference", "a dataset source's columns"),
                Scalar(c, "subset", "a dataset source's columns"));
        }

        var chain = Scalar(map, "chain", "a dataset source");
        if (chain is not (null or "official" or "synthetic"))
        {
            Problem(Get(map, "chain")!, $"'chain' of a dataset source must be 'official' or 'synthetic' (whose verdict chain judges the samples), not '{chain}'");
        }

        if (!File.Exists(full))
        {
            Problem(Get(map, "path")!, $"dataset file not found: {full}");
        }

        return new DatasetSourceDefinition(full, format, columns, Location(map)) { Chain = chain };
    }
}
