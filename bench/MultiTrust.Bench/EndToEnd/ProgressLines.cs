using System.Globalization;
using System.Text;
using MultiTrust.Bench.Common;

namespace MultiTrust.Bench.EndToEnd;

/// <summary>
/// The console output of a <c>multitrust run</c> (in process, or a child's standard output): echoes it (unless quiet)
/// and records a <see cref="ProcessSnapshot"/> and the CPU time of the process doing the work at every plain progress
/// line (<c>progress DONE/PLANNED ...</c>), so a window of the engine phase can be measured from the CLI's own
/// progress. Thread-safe.
/// </summary>
public sealed class ProgressLines(TextWriter echo, bool quiet, Func<TimeSpan> workerCpu) : TextWriter
{
    private readonly StringBuilder _line = new();
    private readonly List<(long Done, ProcessSnapshot At, TimeSpan WorkerCpu)> _points = [];

    public override Encoding Encoding => Encoding.UTF8;

    /// <summary>(samples done, snapshot of this process, CPU of the worker) at each progress line, in order.</summary>
    public IReadOnlyList<(long Done, ProcessSnapshot At, TimeSpan WorkerCpu)> Points
    {
        get
        {
            lock (_points)
            {
                return [.. _points];
            }
        }
    }

    public override void Write(char value)
    {
        lock (_line)
        {
            if (value == '\n')
            {
                Complete(_line.ToString().TrimEnd('\r'));
                _line.Clear();
            }
            else
            {
                _line.Append(value);
            }
        }
    }

    public override void Write(string? value)
    {
        foreach (var c in value ?? string.Empty)
        {
            Write(c);
        }
    }

    public override void WriteLine(string? value)
    {
        Write(value);
        Write('\n');
    }

    private void Complete(string line)
    {
        if (line.StartsWith("progress ", StringComparison.Ordinal))
        {
            var done = long.Parse(line.AsSpan(9, line.IndexOf('/', StringComparison.Ordinal) - 9), CultureInfo.InvariantCulture);
            lock (_points)
            {
                _points.Add((done, ProcessSnapshot.Take(), workerCpu()));
            }

            if (quiet)
            {
                return;
            }
        }

        if (!quiet || !line.StartsWith("progress ", StringComparison.Ordinal))
        {
            echo.WriteLine(line);
        }
    }
}
