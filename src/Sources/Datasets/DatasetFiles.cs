using MultiTrust.Sources.Official;

namespace MultiTrust.Sources.Datasets;

/// <summary>Opens dataset files for sequential reading, naming the file when it cannot be read.</summary>
internal static class DatasetFiles
{
    public static FileStream Open(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new AnnotationException(path, 0, "dataset file not found");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new AnnotationException(path, 0, $"cannot read the dataset file: {e.Message}");
        }
    }
}
