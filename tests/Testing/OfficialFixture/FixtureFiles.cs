using System.Text;
using System.Text.Json;
using MultiTrust.Core.Imaging;

namespace MultiTrust.Testing.OfficialFixture;

/// <summary>
/// Writes the pieces of a fixture release tree: small deterministic PNG images (a colour derived from the name), JSON,
/// JSON Lines, CSV and text files, each under the tree root by a '/'-separated relative path.
/// </summary>
public sealed class FixtureFiles(string root)
{
    private static readonly JsonSerializerOptions s_json = new() { WriteIndented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public string Root { get; } = root;

    /// <summary>The absolute path of a relative path under the root.</summary>
    public string PathOf(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>A small PNG (8×6 by default) whose colour is derived from the path; returns its size.</summary>
    public (int Width, int Height) Image(string relative, int width = 8, int height = 6)
    {
        var seed = (uint)relative.Aggregate(17, (h, c) => unchecked(h * 31 + c));
        var pixels = new byte[width * height * 3];
        for (var i = 0; i < pixels.Length; i += 3)
        {
            pixels[i] = (byte)seed;
            pixels[i + 1] = (byte)(seed >> 8);
            pixels[i + 2] = (byte)((seed >> 16) + i);
        }

        Write(relative, PngEncoder.Encode(pixels, width, height, 3));
        return (width, height);
    }

    /// <summary>A JSON document (array or object) as the release stores it.</summary>
    public void Json(string relative, object value) => Write(relative, JsonSerializer.SerializeToUtf8Bytes(value, s_json));

    /// <summary>One JSON object per line.</summary>
    public void JsonLines(string relative, IEnumerable<object> rows) =>
        Text(relative, string.Concat(rows.Select(r => JsonSerializer.Serialize(r, s_json) + "\n")));

    /// <summary>A CSV file with a header row; fields are quoted when they need to be.</summary>
    public void Csv(string relative, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var text = new StringBuilder();
        text.Append(string.Join(',', header.Select(Quote))).Append("\r\n");
        foreach (var row in rows)
        {
            text.Append(string.Join(',', row.Select(Quote))).Append("\r\n");
        }

        Text(relative, text.ToString());
    }

    public void Text(string relative, string text) => Write(relative, Encoding.UTF8.GetBytes(text));

    public void Write(string relative, byte[] bytes)
    {
        var path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
    }

    private static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + field.Replace("\"", "\"\"") + "\"" : field;
}
