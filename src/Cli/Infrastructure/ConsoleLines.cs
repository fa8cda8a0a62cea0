using Spectre.Console;

namespace MultiTrust.Cli.Infrastructure;

/// <summary>Plain lines written straight to the console's output, never wrapped (paths and log-style progress lines).</summary>
internal static class ConsoleLines
{
    public static void Line(this IAnsiConsole console, string text)
    {
        console.Profile.Out.Writer.WriteLine(text);
        console.Profile.Out.Writer.Flush();
    }
}
