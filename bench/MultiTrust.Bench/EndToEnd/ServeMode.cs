using System.Diagnostics;
using MultiTrust.Bench.Common;
using MultiTrust.Testing;

namespace MultiTrust.Bench.EndToEnd;

/// <summary>
/// <c>serve</c>: the zero-latency loopback model server in its own process (recording off, typical replies), so the
/// client's and the server's CPU can be told apart. Prints <c>listening &lt;base url&gt;</c>, then serves until its
/// standard input closes.
/// </summary>
public static class ServeMode
{
    public const string ListeningPrefix = "listening ";

    public static async Task<int> RunAsync(BenchArgs args)
    {
        await using var server = await LoopbackModelServer.StartAsync(new LoopbackModelServerOptions { RecordRequests = false });
        server.Reply = TypicalReplies.For;
        Console.WriteLine(ListeningPrefix + server.BaseUrl);
        Console.Out.Flush();
        await Console.In.ReadToEndAsync();
        Console.Error.WriteLine($"serve: {server.TotalRequests:N0} requests, max in flight {server.MaxInFlight}");
        return 0;
    }

    /// <summary>Starts this executable in <c>serve</c> mode and returns the child and its base URL.</summary>
    public static async Task<(Process Child, Uri BaseUrl)> SpawnAsync()
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("Environment.ProcessPath is unknown; cannot spawn the server.");
        var info = new ProcessStartInfo { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            info.FileName = self;
            info.ArgumentList.Add(typeof(ServeMode).Assembly.Location);
        }
        else
        {
            info.FileName = self;
        }

        info.ArgumentList.Add("serve");
        var child = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {self} serve.");
        while (await child.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line.StartsWith(ListeningPrefix, StringComparison.Ordinal))
            {
                return (child, new Uri(line[ListeningPrefix.Length..]));
            }
        }

        throw new InvalidOperationException("The serve child exited before printing its address.");
    }
}
