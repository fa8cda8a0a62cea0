using System.Text;

namespace MultiTrust.Sources.Official;

/// <summary>RFC 4180 record reader (comma, double-quote quoting, doubled quotes, newlines inside quotes).</summary>
internal sealed class CsvRecordReader(TextReader reader, string path)
{
    private long _line = 1;

    public sealed record Record(long Line, IReadOnlyList<string> Fields);

    public async Task<Record?> ReadAsync(CancellationToken cancellationToken)
    {
        var first = await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false);
        if (first is null)
        {
            return null;
        }

        var start = _line;
        _line++;
        var fields = new List<string>();
        var field = new StringBuilder();
        var text = first;
        var i = 0;
        var quoted = false;
        while (true)
        {
            if (i >= text.Length)
            {
                if (quoted)
                {
                    var next = await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false)
                        ?? throw new AnnotationException(path, start, "a quoted field is not closed before the end of the file");
                    _line++;
                    field.Append('\n');
                    text = next;
                    i = 0;
                    continue;
                }

                fields.Add(field.ToString());
                return new Record(start, fields);
            }

            var c = text[i++];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i < text.Length && text[i] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }
    }
}
