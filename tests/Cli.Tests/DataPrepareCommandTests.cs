using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MultiTrust.Core.Imaging;
using MultiTrust.Testing;

namespace MultiTrust.Cli.Tests;

public sealed class DataPrepareCommandTests : IAsyncLifetime, IDisposable
{
    private readonly CliHarness _cli = new();
    private LoopbackFileServer _server = null!;

    public async Task InitializeAsync() => _server = await LoopbackFileServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Prepare_MissingPhotos_DownloadedAndHashesRecorded()
    {
        var jane = Png(1);
        var john = Png(2);
        WriteCsv(("Jane Q Doe", "Actress", _server.Add("jane.jpg", jane)), ("John Roe", "Singer", _server.Add("john.jpg", john)));

        var (exit, output) = await _cli.RunAsync("data", "prepare", "--data", "data");

        Assert.Equal(0, exit);
        Assert.Contains("2 downloaded, 0 already present, 0 failed", output, StringComparison.Ordinal);
        Assert.Equal(jane, File.ReadAllBytes(PhotoPath("Jane_Q_Doe.jpeg")));
        Assert.Equal(john, File.ReadAllBytes(PhotoPath("John_Roe.jpeg")));
        var images = Manifest();
        Assert.Equal(["privacy/celeb/imgs/Jane_Q_Doe.jpeg", "privacy/celeb/imgs/John_Roe.jpeg"], images.Select(i => i.GetProperty("file").GetString()));
        Assert.Equal(Sha256(jane), images[0].GetProperty("sha256").GetString());
        Assert.Equal(jane.Length, images[0].GetProperty("bytes").GetInt64());
        Assert.Equal("Jane Q Doe", images[0].GetProperty("celebrity").GetString());
        Assert.Empty(Directory.EnumerateFiles(PhotoPath(""), ".tmp-*"));
    }

    [Fact]
    public async Task Prepare_SecondRun_DownloadsNothingAgain()
    {
        WriteCsv(("Jane Q Doe", "Actress", _server.Add("jane.jpg", Png(1))), ("Jane Q Doe", "Actress", _server.UrlOf("jane.jpg")));

        await _cli.RunAsync("data", "prepare", "--data", "data");
        var (exit, output) = await _cli.RunAsync("data", "prepare", "--data", "data");

        Assert.Equal(0, exit);
        Assert.Equal(1, _server.RequestsFor("jane.jpg"));
        Assert.Contains("0 downloaded, 1 already present, 0 failed", output, StringComparison.Ordinal);
        Assert.Single(Manifest());
    }

    [Fact]
    public async Task Prepare_NotFound_ReportsNameUrlAndReasonAndExitsOne()
    {
        var missing = _server.UrlOf("gone.jpg");
        WriteCsv(("Jane Q Doe", "Actress", _server.Add("jane.jpg", Png(1))), ("John Roe", "Singer", missing));

        var (exit, output) = await _cli.RunAsync("data", "prepare", "--data", "data");

        Assert.Equal(1, exit);
        Assert.Contains($"failed: John Roe {missing}: HTTP 404", output, StringComparison.Ordinal);
        Assert.Contains("1 downloaded, 0 already present, 1 failed", output, StringComparison.Ordinal);
        Assert.False(File.Exists(PhotoPath("John_Roe.jpeg")));
        Assert.Equal(["Jane Q Doe"], Manifest().Select(i => i.GetProperty("celebrity").GetString()));
    }

    [Fact]
    public async Task Prepare_BodyNotAnImage_FailsWithoutWritingIt()
    {
        WriteCsv(("Jane Q Doe", "Actress", _server.Add("jane.jpg", Encoding.UTF8.GetBytes("<html>blocked</html>"))));

        var (exit, output) = await _cli.RunAsync("data", "prepare", "--data", "data");

        Assert.Equal(1, exit);
        Assert.Contains("not an image", output, StringComparison.Ordinal);
        Assert.False(File.Exists(PhotoPath("Jane_Q_Doe.jpeg")));
    }

    [Fact]
    public async Task Prepare_SlowServer_TimesOut()
    {
        WriteCsv(("Jane Q Doe", "Actress", _server.Add("jane.jpg", Png(1), delay: TimeSpan.FromSeconds(20))));

        var (exit, output) = await _cli.RunAsync("data", "prepare", "--data", "data", "--timeout", "0.5");

        Assert.Equal(1, exit);
        Assert.Contains("timed out after 0.5 s", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Prepare_InjectedHandler_UsedForEveryDownload()
    {
        var handler = new CountingHandler();
        _cli.HttpHandler = () => handler;
        WriteCsv(("Jane Q Doe", "Actress", _server.Add("jane.jpg", Png(1))), ("John Roe", "Singer", _server.Add("john.jpg", Png(2))));

        var (exit, _) = await _cli.RunAsync("data", "prepare", "--data", "data");

        Assert.Equal(0, exit);
        Assert.Equal(2, handler.Requests);
    }

    [Fact]
    public async Task Prepare_MissingCsv_ExitsTwoNamingIt()
    {
        Directory.CreateDirectory(Path.Combine(_cli.WorkingDirectory, "data"));

        var (exit, output) = await _cli.RunAsync("data", "prepare", "--data", "data");

        Assert.Equal(2, exit);
        Assert.Contains("celebrities.csv", output, StringComparison.Ordinal);
    }

    private static byte[] Png(byte shade) => PngEncoder.Encode(Enumerable.Repeat(shade, 4 * 3 * 3).ToArray(), 4, 3, 3);

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private string PhotoPath(string file) => Path.Combine(_cli.WorkingDirectory, "data", "privacy", "celeb", "imgs", file);

    private void WriteCsv(params (string Name, string Title, Uri Url)[] rows) =>
        _cli.Write("data/privacy/celeb/celebrities.csv", "Url,Celebrity,Title\n" + string.Concat(rows.Select(r => $"{r.Url},{r.Name},{r.Title}\n")));

    private List<JsonElement> Manifest()
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(PhotoPath("manifest.json")));
        Assert.Equal("privacy/celeb/celebrities.csv", document.RootElement.GetProperty("csv").GetString());
        return [.. document.RootElement.GetProperty("images").EnumerateArray().Select(e => e.Clone())];
    }

    private sealed class CountingHandler : DelegatingHandler
    {
        private int _requests;

        public CountingHandler()
            : base(new SocketsHttpHandler())
        {
        }

        public int Requests => Volatile.Read(ref _requests);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _requests);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
