using System.Collections.Immutable;
using System.Globalization;

namespace MultiTrust.Sources.Synthetic.Privacy.Documents;

/// <summary>Sample metadata describing a rendered <see cref="SyntheticDocument"/>.</summary>
internal static class DocumentMetadata
{
    /// <summary><c>kind</c>, <c>private</c> (yes/no), <c>fields</c> (printed lines joined by " | "), <c>index</c>, plus <paramref name="extra"/>.</summary>
    public static ImmutableDictionary<string, string> Of(SyntheticDocument document, long k, params (string Key, string Value)[] extra)
    {
        var builder = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        builder["kind"] = document.Kind;
        builder["private"] = document.IsPrivate ? "yes" : "no";
        builder["title"] = document.Title;
        builder["fields"] = string.Join(" | ", document.Fields.Select(f => f.Text));
        builder["index"] = k.ToString(CultureInfo.InvariantCulture);
        foreach (var (key, value) in extra)
        {
            builder[key] = value;
        }

        return builder.ToImmutable();
    }
}
