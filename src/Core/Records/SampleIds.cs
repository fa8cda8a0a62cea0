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
        var images = imageSha256s as IReadOnlyCollection<string> ?? [.. imageSha256s];
        h.Add("sample/v2").Add(taskId).Add(subset).Add(prompt).Add(images.Count);
        foreach (var image in images)
        {
            h.Add(image);
        }

        var secrets = target.Secrets.IsDefault ? [] : target.Secrets;
        h.Add(target.Expected ?? "\0null").Add(target.Reference ?? "\0null").Add(secrets.Length);
        foreach (var secret in secrets)
        {
            h.Add(secret);
        }

        return h.ToId();
    }
}
