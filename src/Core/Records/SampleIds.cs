using MultiTrust.Core.Hashing;

namespace MultiTrust.Core.Records;

/// <summary>Stable, content-derived sample ids.</summary>
public static class SampleIds
{
    /// <summary>
    /// The id of a sample with this content: a hash over task, subset, prompt, image hashes and target. Two samples
    /// with identical content share an id (and are, for every purpose of this tool, the same sample).
    /// </summary>
    public static string Of(string taskId, string subset, string prompt, IEnumerable<string> imageSha256s, SampleTarget target)
    {
        var h = new ContentHasher();
        h.Add("sample/v1").Add(taskId).Add(subset).Add(prompt);
        foreach (var image in imageSha256s)
        {
            h.Add(image);
        }

        h.Add(target.Expected ?? "\0null").Add(target.Reference ?? "\0null");
        foreach (var secret in target.Secrets.IsDefault ? [] : target.Secrets)
        {
            h.Add(secret);
        }

        return h.ToId();
    }
}
