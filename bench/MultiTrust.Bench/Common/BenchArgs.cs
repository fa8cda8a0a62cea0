using System.Globalization;

namespace MultiTrust.Bench.Common;

/// <summary>Minimal <c>--name value</c> / <c>--flag</c> parser; unknown names are rejected when read back.</summary>
public sealed class BenchArgs
{
    private readonly Dictionary<string, string?> _values = new(StringComparer.Ordinal);

    public BenchArgs(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (!name.StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"Argument {i + 1} '{name}' is not an option (expected --name value).");
            }

            string? value = null;
            if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                value = args[++i];
            }

            _values[name[2..]] = value;
        }
    }

    public string String(string name, string fallback) => _values.TryGetValue(name, out var v) && v is not null ? v : fallback;

    public string? Optional(string name) => _values.TryGetValue(name, out var v) ? v : null;

    public bool Flag(string name) => _values.ContainsKey(name);

    public int Int(string name, int fallback) =>
        _values.TryGetValue(name, out var v) && v is not null
            ? int.Parse(v.Replace("_", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture)
            : fallback;

    public double Double(string name, double fallback) =>
        _values.TryGetValue(name, out var v) && v is not null ? double.Parse(v, CultureInfo.InvariantCulture) : fallback;
}
