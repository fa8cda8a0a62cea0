using MultiTrust.Sources.Official;

namespace MultiTrust.Tasks.Robustness.Common;

/// <summary>
/// Oracle answers for the captioning tasks (R.1, R.4): a neutral description that names the object the judge asks
/// about, so the GPT judge's "is there any '{object}'?" is answered yes.
/// </summary>
internal static class CaptionReferences
{
    /// <summary>A caption naming <paramref name="label"/>.</summary>
    public static string Naming(string label) => $"{OfficialReferences.Neutral} The objects include: {label}.";
}
